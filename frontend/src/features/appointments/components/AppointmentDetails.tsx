import { useTranslation } from 'react-i18next'
import { type DataRow, DataList } from '@/components/DataList'
import type { Appointment } from '../api/types'
import { longDate } from '../calendar'

/** An appointment's details: code, date, time, desk, location, topic, notes, state. */
export function AppointmentDetails({
  appointment,
  withPerson = false,
}: {
  appointment: Appointment
  withPerson?: boolean
}) {
  const { t, i18n } = useTranslation()
  const a = appointment
  const rows: DataRow[] = [
    [t('appointments.details.code'), a.code, true],
    [t('appointments.details.date'), longDate(a.date, i18n.language)],
    [t('appointments.details.time'), a.time],
    [t('appointments.details.desk'), a.desk_name],
    [t('appointments.details.location'), a.location],
    [t('appointments.details.topic'), a.topic],
  ]
  if (a.notes) rows.push([t('appointments.details.notes'), a.notes])
  if (withPerson) {
    rows.push([
      t('appointments.details.person'),
      `${a.person.surname} ${a.person.name} (${a.person.fiscal_code})`,
    ])
    if (a.email) rows.push([t('appointments.details.email'), a.email])
    if (a.phone) rows.push([t('appointments.details.phone'), a.phone])
  }
  rows.push([t('appointments.details.state'), a.state_label])
  if (a.cancel_reason) rows.push([t('appointments.details.cancelReason'), a.cancel_reason])
  return <DataList rows={rows} className="mb-3" />
}
