/**
 * The third-party look-up's form (seed 001 §7): the person is identified by codice fiscale,
 * or by surname, name and birth date; the reason is mandatory, as the law requires a
 * motivated request to release another person's data.
 */

export type SearchMode = 'fiscal_code' | 'personal_data'

export interface SearchForm {
  mode: SearchMode
  fiscalCode: string
  surname: string
  name: string
  birthDate: string
  reason: string
}

export type PersonQuery =
  | { fiscal_code: string; reason: string }
  | { surname: string; name: string; birth_date: string; reason: string }

export type SearchField = 'fiscalCode' | 'surname' | 'name' | 'birthDate' | 'reason'

export type SearchError =
  | 'fiscalCodeRequired'
  | 'fiscalCodeInvalid'
  | 'surnameRequired'
  | 'nameRequired'
  | 'birthDateRequired'
  | 'birthDateInvalid'
  | 'birthDateFuture'
  | 'reasonRequired'
  | 'reasonTooShort'
  | 'reasonTooLong'
  | 'reasonNotMeaningful'

export type SearchErrors = Partial<Record<SearchField, SearchError>>

/** The server's rule for the reason (registry::rules::third_party), the same for the
 * look-up and the certificate: 10 to 500 characters, in words. */
export const REASON_MIN = 10
export const REASON_MAX = 500

export const emptySearch: SearchForm = {
  mode: 'fiscal_code',
  fiscalCode: '',
  surname: '',
  name: '',
  birthDate: '',
  reason: '',
}

/** Upper case, without the spaces people type between groups of characters. */
export function cleanFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

/** Words, not one character repeated nor digits and symbols alone: two different letters. */
function hasWords(reason: string): boolean {
  const letters = new Set((reason.match(/\p{L}/gu) ?? []).map((c) => c.toLowerCase()))
  return letters.size >= 2
}

function reasonError(reason: string): SearchError | undefined {
  const length = [...reason].length
  if (length === 0) return 'reasonRequired'
  if (length < REASON_MIN) return 'reasonTooShort'
  if (length > REASON_MAX) return 'reasonTooLong'
  if (!hasWords(reason)) return 'reasonNotMeaningful'
  return undefined
}

/**
 * The query to send, or what is wrong with the form. `today` (YYYY-MM-DD) bounds the
 * birth date. Only the fields of the chosen way of searching are checked and sent.
 */
export function validateSearch(
  form: SearchForm,
  today: string,
): { query: PersonQuery; errors?: undefined } | { errors: SearchErrors; query?: undefined } {
  const errors: SearchErrors = {}
  const reason = form.reason.trim()
  if (form.mode === 'fiscal_code') {
    const fiscalCode = cleanFiscalCode(form.fiscalCode)
    if (fiscalCode === '') errors.fiscalCode = 'fiscalCodeRequired'
    else if (!/^[A-Z0-9]{16}$/.test(fiscalCode)) errors.fiscalCode = 'fiscalCodeInvalid'
    const reasonProblem = reasonError(reason)
    if (reasonProblem) errors.reason = reasonProblem
    return Object.keys(errors).length > 0
      ? { errors }
      : { query: { fiscal_code: fiscalCode, reason } }
  }
  const surname = form.surname.trim()
  const name = form.name.trim()
  const birthDate = form.birthDate.trim()
  if (surname === '') errors.surname = 'surnameRequired'
  if (name === '') errors.name = 'nameRequired'
  if (birthDate === '') errors.birthDate = 'birthDateRequired'
  else if (!isCalendarDate(birthDate)) errors.birthDate = 'birthDateInvalid'
  else if (birthDate > today) errors.birthDate = 'birthDateFuture'
  const reasonProblem = reasonError(reason)
  if (reasonProblem) errors.reason = reasonProblem
  return Object.keys(errors).length > 0
    ? { errors }
    : { query: { surname, name, birth_date: birthDate, reason } }
}

/** Today in the person's own time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
