import { useTranslation } from 'react-i18next'
import type { OpeningHours } from '../api/useMunicipality'
import { weeklySchedule } from './openingHours'

interface OpeningHoursTableProps {
  hours: readonly OpeningHours[]
  caption: string
}

/** The office's week, one row per day, with the times in the reader's language. */
export function OpeningHoursTable({ hours, caption }: OpeningHoursTableProps) {
  const { t, i18n } = useTranslation()
  const days = weeklySchedule(hours, i18n.language)
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' })
  return (
    <table className="table opening-hours">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('contacts.day')}</th>
          <th scope="col">{t('contacts.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.weekday}>
            <th scope="row">{day.name}</th>
            <td>
              {day.intervals.length > 0
                ? list.format(day.intervals.map((i) => i.label))
                : t('contacts.closed')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
