import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { todayIso } from '@/lib/registryDates'
import type { Appointment, FreeSlot } from '../api/types'
import { useDesks } from '../api/useDesks'
import { BookingCalendar } from '../components/BookingCalendar'
import { BookingConfirmation } from '../components/BookingConfirmation'
import { BookingForm } from '../components/BookingForm'
import { DeskSelect } from '../components/DeskSelect'
import type { CalendarView } from '../calendar'
import '../appointments.scss'

interface Choice {
  date: string
  startsAt?: string
}

/**
 * /appuntamenti/prenota — seed 000 "Richiesta Contatto Appuntamento": the desk chooser, the
 * calendar with the bookable days, the form of the chosen day, the confirmation.
 */
export function BookAppointmentPage() {
  const { t } = useTranslation()
  const desks = useDesks()
  const active = (desks.data?.items ?? []).filter((desk) => desk.active)
  const today = todayIso()
  const [deskId, setDeskId] = useState('')
  const [view, setView] = useState<CalendarView>('month')
  const [cursor, setCursor] = useState(today)
  const [choice, setChoice] = useState<Choice | null>(null)
  const [booked, setBooked] = useState<Appointment | null>(null)
  const desk = active.find((d) => d.id === deskId) ?? active[0]
  const calendar = useRef<HTMLDivElement>(null)

  // The form closed: back to the day of the month, or to the calendar's title.
  const closeForm = () => {
    setChoice(null)
    const root = calendar.current
    ;(
      root?.querySelector<HTMLElement>('[data-date][tabindex="0"]') ??
      root?.querySelector<HTMLElement>('.booking-title')
    )?.focus()
  }

  const choose = (date: string, slot?: FreeSlot) => {
    setCursor(date)
    setChoice({ date, startsAt: slot?.starts_at })
  }

  return (
    <div className="booking-page">
      <PageHeading title={t('appointments.book.title')} lead={t('appointments.book.lead')} />
      {desks.isError ? (
        <ProblemAlert error={desks.error} context={t('appointments.desks.failed')} />
      ) : !desks.data ? (
        <Loading label={t('appointments.desks.loading')} />
      ) : !desk ? (
        <p role="status">{t('appointments.desks.none')}</p>
      ) : booked ? (
        <BookingConfirmation
          appointment={booked}
          onAnother={() => {
            setBooked(null)
            setChoice(null)
          }}
        />
      ) : (
        <>
          <div className="row">
            <div className="col-md-6">
              <DeskSelect
                id="sportello"
                desks={active}
                value={desk.id}
                onChange={(id) => {
                  setDeskId(id)
                  setChoice(null)
                }}
              />
            </div>
            <div className="col-md-6">
              <p className="booking-desk-info mb-3">
                <span className="fw-semibold">{desk.area_label}</span> · {desk.location}
              </p>
            </div>
          </div>
          <div ref={calendar}>
            <BookingCalendar
              deskId={desk.id}
              view={view}
              onView={setView}
              cursor={cursor}
              onCursor={setCursor}
              today={today}
              onChoose={choose}
            />
          </div>
          {choice ? (
            <BookingForm
              key={`${desk.id}-${choice.date}-${choice.startsAt ?? ''}`}
              desk={desk}
              date={choice.date}
              startsAt={choice.startsAt}
              onBooked={setBooked}
              onClose={closeForm}
            />
          ) : null}
        </>
      )}
    </div>
  )
}
