import { useTranslation } from 'react-i18next'
import type { AvailabilityDay, FreeSlot } from '../api/types'
import { longDate } from '../calendar'

interface DayListProps {
  date: string
  day: AvailabilityDay | undefined
  onChoose: (date: string, slot: FreeSlot) => void
}

/** One day: its free times as a list of buttons, or why there is none. */
export function DayList({ date, day, onChoose }: DayListProps) {
  const { t, i18n } = useTranslation()
  const free = (day?.slots ?? []).filter((slot) => slot.free > 0)
  if (!day) return null
  if (day.closed) return <p role="status">{t('appointments.calendar.dayIsClosed')}</p>
  if (free.length === 0) return <p role="status">{t('appointments.calendar.dayEmpty')}</p>
  return (
    <ul
      className="list-unstyled booking-day-times"
      aria-label={t('appointments.calendar.timesOf', { date: longDate(date, i18n.language) })}
    >
      {free.map((slot) => (
        <li key={slot.starts_at}>
          <button
            type="button"
            className="btn btn-outline-primary booking-time"
            onClick={() => onChoose(date, slot)}
          >
            {t('appointments.calendar.slot', { from: slot.time, to: slot.ends })}{' '}
            <small>{t('appointments.calendar.freePlaces', { count: slot.free })}</small>
          </button>
        </li>
      ))}
    </ul>
  )
}
