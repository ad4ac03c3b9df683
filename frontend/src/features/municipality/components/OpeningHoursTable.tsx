import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
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
    <DataTable
      caption={caption}
      className="opening-hours"
      // Two short columns fit on any phone.
      stackBelow="never"
      rows={days}
      rowKey={(day) => String(day.weekday)}
      columns={[
        { key: 'day', header: t('contacts.day'), rowHeader: true, cell: (day) => day.name },
        {
          key: 'hours',
          header: t('contacts.hours'),
          cell: (day) =>
            day.intervals.length > 0
              ? list.format(day.intervals.map((i) => i.label))
              : t('contacts.closed'),
        },
      ]}
    />
  )
}
