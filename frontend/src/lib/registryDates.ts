/** Today in the reader's time zone, as the API's calendar dates are written (YYYY-MM-DD). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A real calendar date written YYYY-MM-DD, such as a date field gives. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/**
 * A calendar date as registry documents print it, dd/mm/yyyy, in both languages: the
 * record must read the same as the certificates drawn from it.
 */
export function registryDate(isoDate: string): string {
  return isIsoDate(isoDate) ? isoDate.split('-').reverse().join('/') : isoDate
}
