import type { OpeningHours } from '../api/useMunicipality'

export interface DaySchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  name: string
  /** The day's opening intervals, formatted for the language, in order; empty when closed. */
  intervals: { opens: string; closes: string; label: string }[]
}

// 1 January 2024 was a Monday: day n of the ISO week is 2024-01-n.
const weekdayDate = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12))

function timeToDate(time: string): Date | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(time)
  if (!match) return null
  return new Date(Date.UTC(2024, 0, 1, Number(match[1]), Number(match[2])))
}

/**
 * Groups the office's opening intervals by weekday, Monday first, and formats day names and
 * times with Intl in the given language. Days without intervals are kept (as closed) so that
 * a reader sees the whole week.
 */
export function weeklySchedule(hours: readonly OpeningHours[], language: string): DaySchedule[] {
  const dayName = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' })
  const time = new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })
  const fmt = (value: string) => {
    const date = timeToDate(value)
    return date ? time.format(date) : value
  }
  const days: DaySchedule[] = []
  for (let weekday = 1; weekday <= 7; weekday++) {
    const intervals = hours
      .filter((h) => h.weekday === weekday)
      .slice()
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => ({ opens: h.opens, closes: h.closes, label: `${fmt(h.opens)}–${fmt(h.closes)}` }))
    const name = dayName.format(weekdayDate(weekday))
    days.push({
      weekday,
      name: name.charAt(0).toLocaleUpperCase(language) + name.slice(1),
      intervals,
    })
  }
  return days
}
