import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextAreaField } from '@/components/TextAreaField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { isIsoDate } from '@/lib/registryDates'
import type { Appointment } from '../api/types'
import { useCancelAppointment, useMoveAppointment } from '../api/useAppointments'
import { useAvailability } from '../api/useAvailability'

interface FormProps {
  appointment: Appointment
  onDone: (appointment: Appointment | undefined) => void
  onBack: () => void
}

/** The heading of a small form, focused when it opens. */
function useFocusedHeading() {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return heading
}

/** "Annulla": the office cancels with a reason, told to the citizen. */
export function CancelWithReasonForm({ appointment, onDone, onBack }: FormProps) {
  const { t } = useTranslation()
  const cancel = useCancelAppointment()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const heading = useFocusedHeading()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!reason.trim()) {
      setMissing(true)
      document.getElementById('annulla-motivo')?.focus()
      return
    }
    cancel.mutate({ id: appointment.id, reason: reason.trim() }, { onSuccess: onDone })
  }
  return (
    <form className="agenda-form" onSubmit={submit} noValidate aria-labelledby="annulla-titolo">
      <h3 className="h5" id="annulla-titolo" tabIndex={-1} ref={heading}>
        {t('appointments.office.cancelTitle', { code: appointment.code })}
      </h3>
      {cancel.isError && !fieldErrorsOf(cancel.error).reason ? (
        <ProblemAlert error={cancel.error} context={t('appointments.office.actionFailed')} />
      ) : null}
      <TextAreaField
        id="annulla-motivo"
        label={t('appointments.office.cancelReason')}
        hint={t('appointments.office.cancelReasonHint')}
        required
        value={reason}
        maxLength={500}
        error={
          missing
            ? t('appointments.office.cancelReasonMissing')
            : fieldErrorsOf(cancel.error).reason
        }
        onChange={(e) => {
          setMissing(false)
          setReason(e.target.value)
        }}
      />
      <div className="d-flex flex-wrap gap-3">
        <Button color="danger" type="submit" disabled={cancel.isPending}>
          {t('appointments.office.cancelConfirm')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onBack}>
          {t('appointments.office.back')}
        </Button>
      </div>
    </form>
  )
}

/** "Sposta": another free slot of the same desk (a day, then a time) and the reason. */
export function MoveForm({ appointment, onDone, onBack }: FormProps) {
  const { t } = useTranslation()
  const move = useMoveAppointment()
  const [date, setDate] = useState(appointment.date)
  const [startsAt, setStartsAt] = useState('')
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<{ time?: boolean; reason?: boolean }>({})
  const validDate = isIsoDate(date)
  const availability = useAvailability(
    appointment.desk_id,
    validDate ? date : '',
    validDate ? date : '',
  )
  const slots = (availability.data?.days.find((d) => d.date === date)?.slots ?? []).filter(
    (slot) => slot.free > 0 && slot.starts_at !== appointment.starts_at,
  )
  const chosen = slots.some((slot) => slot.starts_at === startsAt) ? startsAt : ''
  const heading = useFocusedHeading()
  const serverErrors = fieldErrorsOf(move.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = { time: !chosen, reason: !reason.trim() }
    setMissing(found)
    if (found.time || found.reason) {
      document.getElementById(found.time ? 'sposta-ora' : 'sposta-motivo')?.focus()
      return
    }
    move.mutate(
      { id: appointment.id, startsAt: chosen, reason: reason.trim() },
      { onSuccess: onDone },
    )
  }
  return (
    <form className="agenda-form" onSubmit={submit} noValidate aria-labelledby="sposta-titolo">
      <h3 className="h5" id="sposta-titolo" tabIndex={-1} ref={heading}>
        {t('appointments.office.moveTitle', { code: appointment.code })}
      </h3>
      {move.isError && Object.keys(serverErrors).length === 0 ? (
        <ProblemAlert error={move.error} context={t('appointments.office.actionFailed')} />
      ) : null}
      {availability.isError ? (
        <ProblemAlert error={availability.error} context={t('appointments.calendar.failed')} />
      ) : null}
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="sposta-data"
            type="date"
            label={t('appointments.office.moveDate')}
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="sposta-ora"
            label={t('appointments.office.moveTime')}
            required
            value={chosen}
            disabled={!availability.data}
            hint={
              availability.data && slots.length === 0 ? t('appointments.form.noTimes') : undefined
            }
            error={missing.time ? t('appointments.office.moveMissingTime') : serverErrors.starts_at}
            onChange={(e) => {
              setStartsAt(e.target.value)
              setMissing((m) => ({ ...m, time: false }))
            }}
          >
            <option value="">{t('appointments.form.chooseTime')}</option>
            {slots.map((slot) => (
              <option key={slot.starts_at} value={slot.starts_at}>
                {t('appointments.form.timeOption', {
                  from: slot.time,
                  to: slot.ends,
                  places: t('appointments.calendar.freePlaces', { count: slot.free }),
                })}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <TextAreaField
        id="sposta-motivo"
        label={t('appointments.office.moveReason')}
        hint={t('appointments.office.moveReasonHint')}
        required
        value={reason}
        maxLength={500}
        error={missing.reason ? t('appointments.office.moveMissingReason') : serverErrors.reason}
        onChange={(e) => {
          setReason(e.target.value)
          setMissing((m) => ({ ...m, reason: false }))
        }}
      />
      <div className="d-flex flex-wrap gap-3">
        <Button color="primary" type="submit" disabled={move.isPending}>
          {t('appointments.office.moveConfirm')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onBack}>
          {t('appointments.office.back')}
        </Button>
      </div>
    </form>
  )
}
