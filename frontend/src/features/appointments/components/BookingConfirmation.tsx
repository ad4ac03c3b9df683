import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import type { Appointment } from '../api/types'
import { AppointmentDetails } from './AppointmentDetails'
import { IcsButton } from './IcsButton'

interface BookingConfirmationProps {
  appointment: Appointment
  /** The office's confirmation names the person and has no "I miei appuntamenti". */
  office?: boolean
  headingLevel?: 2 | 3
  onAnother: () => void
}

/** The booking made: its code to show at the desk, the details, the .ics, the way on. */
export function BookingConfirmation({
  appointment,
  office = false,
  headingLevel = 2,
  onAnother,
}: BookingConfirmationProps) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  useEffect(() => heading.current?.focus(), [])
  return (
    <section className="booking-confirmation" aria-labelledby="prenotazione-confermata">
      <Notice color="success">
        <Heading className="h4" id="prenotazione-confermata" tabIndex={-1} ref={heading}>
          {t('appointments.confirmation.title')}
        </Heading>
        <p className="mb-0">
          {t('appointments.confirmation.code')}{' '}
          <strong className="font-monospace booking-code">{appointment.code}</strong>
        </p>
        <p className="mb-0">
          {office ? t('appointments.confirmation.officeHint') : t('appointments.confirmation.hint')}
        </p>
      </Notice>
      <AppointmentDetails appointment={appointment} withPerson={office} />
      <div className="d-flex flex-wrap align-items-center gap-3">
        <IcsButton appointment={appointment} />
        {office ? null : (
          <Link to="/appuntamenti" className="btn btn-primary btn-sm">
            {t('appointments.mine.title')}
          </Link>
        )}
        <button type="button" className="btn btn-link btn-sm" onClick={onAnother}>
          {t('appointments.confirmation.another')}
        </button>
      </div>
    </section>
  )
}
