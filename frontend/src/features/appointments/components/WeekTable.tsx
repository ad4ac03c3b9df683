import { useTranslation } from 'react-i18next'
import { type Column, DataTable } from '@/components/DataTable'
import type { AvailabilityDay, FreeSlot } from '../api/types'
import { daysBetween, longDate, shortDate } from '../calendar'

interface WeekTableProps {
  from: string
  to: string
  days: ReadonlyMap<string, AvailabilityDay>
  onChoose: (date: string, slot: FreeSlot) => void
}

/**
 * The week as a table of times (rows) by days (columns): each free time a button named by
 * its day, time and free places. On a narrow screen each time becomes a card of its days.
 */
export function WeekTable({ from, to, days, onChoose }: WeekTableProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const dates = daysBetween(from, to)
  const times = [
    ...new Set(dates.flatMap((d) => (days.get(d)?.slots ?? []).map((s) => s.time))),
  ].sort()
  if (times.length === 0) {
    return <p role="status">{t('appointments.calendar.weekEmpty')}</p>
  }
  const columns: Column<string>[] = [
    {
      key: 'time',
      header: t('appointments.calendar.time'),
      rowHeader: true,
      className: 'text-nowrap',
      cell: (time) => time,
    },
    ...dates.map((date): Column<string> => ({
      key: date,
      header: days.get(date)?.closed
        ? t('appointments.calendar.dayClosed', { day: shortDate(date, language) })
        : shortDate(date, language),
      cell: (time) => {
        const slot = days.get(date)?.slots.find((s) => s.time === time)
        if (!slot || slot.free <= 0) {
          return (
            <>
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">{t('appointments.calendar.notAvailable')}</span>
            </>
          )
        }
        return (
          <button
            type="button"
            className="btn btn-outline-primary btn-xs booking-time"
            onClick={() => onChoose(date, slot)}
          >
            <span aria-hidden="true">{slot.time}</span>
            <span className="visually-hidden">
              {t('appointments.calendar.timeOfDay', {
                date: longDate(date, language),
                time: slot.time,
                places: t('appointments.calendar.freePlaces', { count: slot.free }),
              })}
            </span>
          </button>
        )
      },
    })),
  ]
  return (
    <DataTable<string>
      caption={t('appointments.calendar.weekCaption', {
        from: longDate(from, language),
        to: longDate(to, language),
      })}
      captionClassName="visually-hidden"
      className="booking-week"
      stackBelow="wide"
      rows={times}
      rowKey={(time) => time}
      columns={columns}
    />
  )
}
