// Calendar arithmetic on the API's calendar dates (YYYY-MM-DD), in UTC so that no time zone
// or daylight-saving change moves a day. Weeks start on Monday, as in Italy.

export type CalendarView = 'month' | 'week' | 'day'

function toDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1))
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const date = toDate(iso)
  date.setUTCDate(date.getUTCDate() + days)
  return toIso(date)
}

/** The same day `months` months later, clamped to the month's last day (31 Jan + 1 = 28 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = toDate(iso)
  const day = date.getUTCDate()
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(day, last))
  return toIso(first)
}

/** 1 = Monday … 7 = Sunday, as the desks' hours count them. */
export function weekdayOf(iso: string): number {
  return ((toDate(iso).getUTCDay() + 6) % 7) + 1
}

export function startOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`
}

export function endOfMonth(iso: string): string {
  return addDays(addMonths(startOfMonth(iso), 1), -1)
}

export function startOfWeek(iso: string): string {
  return addDays(iso, 1 - weekdayOf(iso))
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** The month's weeks, Monday to Sunday; days of the neighbouring months are null. */
export function monthWeeks(iso: string): Array<Array<string | null>> {
  const first = startOfMonth(iso)
  const last = endOfMonth(iso)
  const weeks: Array<Array<string | null>> = []
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) {
    weeks.push(
      daysBetween(monday, addDays(monday, 6)).map((day) =>
        day >= first && day <= last ? day : null,
      ),
    )
  }
  return weeks
}

/** The days a view shows around `iso`: its month, its week (Monday to Sunday) or the day. */
export function visibleRange(view: CalendarView, iso: string): { from: string; to: string } {
  if (view === 'month') return { from: startOfMonth(iso), to: endOfMonth(iso) }
  if (view === 'week') return { from: startOfWeek(iso), to: addDays(startOfWeek(iso), 6) }
  return { from: iso, to: iso }
}

/** The same place one period earlier (-1) or later (+1). */
export function shiftView(view: CalendarView, iso: string, step: -1 | 1): string {
  if (view === 'month') return addMonths(iso, step)
  return addDays(iso, step * (view === 'week' ? 7 : 1))
}

function format(iso: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(toDate(iso))
}

/** "sabato 5 dicembre 2026". */
export function longDate(iso: string, language: string): string {
  return format(iso, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
}

/** "dicembre 2026". */
export function monthTitle(iso: string, language: string): string {
  return format(iso, language, { month: 'long', year: 'numeric' })
}

/** "sab 5 dic" (a week's column). */
export function shortDate(iso: string, language: string): string {
  return format(iso, language, { weekday: 'short', day: 'numeric', month: 'short' })
}

/** The weekday's name, 1 = Monday: "lunedì", or with `short` "lun". */
export function weekdayName(weekday: number, language: string, short = false): string {
  // 2024-01-01 was a Monday.
  return format(addDays('2024-01-01', weekday - 1), language, {
    weekday: short ? 'short' : 'long',
  })
}

/** "5 dicembre 2026". */
export function dayMonthYear(iso: string, language: string): string {
  return format(iso, language, { day: 'numeric', month: 'long', year: 'numeric' })
}
