/**
 * The viewer's filters as the address keeps them (`?dal=2026-11-01&al=2026-11-30&azione=…`)
 * and as the API wants them. Days are the reader's calendar days: "from the 1st to the
 * 30th" means from the 1st's midnight, local time, to the 31st's midnight, excluded.
 */
export interface AuditFilter {
  /** First day included, `YYYY-MM-DD`, or ''. */
  from: string
  /** Last day included, `YYYY-MM-DD`, or ''. */
  to: string
  actor: string
  subject: string
  action: string
}

export const NO_FILTER: AuditFilter = { from: '', to: '', actor: '', subject: '', action: '' }

const PARAM_NAMES: Record<keyof AuditFilter, string> = {
  from: 'dal',
  to: 'al',
  actor: 'autore',
  subject: 'oggetto',
  action: 'azione',
}
const DAY = /^\d{4}-\d{2}-\d{2}$/

export function filterFromParams(params: URLSearchParams): AuditFilter {
  const read = (key: keyof AuditFilter) => params.get(PARAM_NAMES[key])?.trim() ?? ''
  const day = (key: 'from' | 'to') => (DAY.test(read(key)) ? read(key) : '')
  return {
    from: day('from'),
    to: day('to'),
    actor: read('actor'),
    subject: read('subject'),
    action: read('action'),
  }
}

export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('pagina'))
  return Number.isInteger(page) && page > 1 ? page : 1
}

export function paramsFor(filter: AuditFilter, page = 1): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of Object.keys(PARAM_NAMES) as Array<keyof AuditFilter>) {
    if (filter[key]) params.set(PARAM_NAMES[key], filter[key])
  }
  if (page > 1) params.set('pagina', String(page))
  return params
}

export function isFiltered(filter: AuditFilter): boolean {
  return Object.values(filter).some((value) => value !== '')
}

/** Midnight at the start of a local calendar day, `days` later, as an RFC 3339 instant. */
function localMidnight(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(year!, month! - 1, date! + days).toISOString()
}

/** The query of GET /api/v1/admin/audit-log (without paging) for these filters. */
export function apiQuery(filter: AuditFilter) {
  const text = (value: string) => (value === '' ? undefined : value)
  return {
    from: filter.from ? localMidnight(filter.from) : undefined,
    to: filter.to ? localMidnight(filter.to, 1) : undefined,
    actor: text(filter.actor),
    subject: text(filter.subject),
    action: text(filter.action),
  }
}
