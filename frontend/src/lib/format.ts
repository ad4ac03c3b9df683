/** A calendar date (`YYYY-MM-DD`) in the reader's language, e.g. "10 dicembre 1985". */
export function formatDate(isoDate: string, language: string, style: 'long' | 'medium' = 'long') {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(date)
}

/**
 * A moment the server records in UTC without a zone (`2026-11-20T09:30:00.123`), in the
 * reader's language and time zone.
 */
export function formatDateTime(utc: string, language: string): string {
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(utc) ? utc : `${utc}Z`)
  if (Number.isNaN(date.getTime())) return utc
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/**
 * As [formatDateTime], the date and the time apart: a narrow column then breaks the line
 * between them, never inside the date.
 */
export function formatDateAndTime(utc: string, language: string): [date: string, time: string] {
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(utc) ? utc : `${utc}Z`)
  if (Number.isNaN(date.getTime())) return [utc, '']
  return [
    new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date),
    new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date),
  ]
}

/** A recorded instant to the second (logs), in the reader's language and time zone. */
export function formatTimestamp(utc: string, language: string): string {
  const date = new Date(utc)
  if (Number.isNaN(date.getTime())) return utc
  return new Intl.DateTimeFormat(language, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(date)
}
