// The wizard's own checks, run before asking the server (which checks again).
import { isIsoDate } from '@/lib/registryDates'

/** The identifier printed on a marca da bollo: 14 digits. */
export const STAMP_DIGITS = 14
/** The longest free text an "altro motivo" usage prints on the certificate. */
export const USAGE_TEXT_MAX = 256

/**
 * The usage text as the certificate prints it: one line. A text area lets people break
 * lines, which the certificate's usage line cannot hold.
 */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The digits of a stamp identifier as typed: people copy it with spaces between the groups. */
export function stampDigits(value: string): string {
  return value.replace(/\s+/g, '')
}

export type StampIdentifierProblem = 'missing' | 'notDigits' | 'length'

export function stampIdentifierProblem(value: string): StampIdentifierProblem | null {
  const digits = stampDigits(value)
  if (digits === '') return 'missing'
  if (!/^\d+$/.test(digits)) return 'notDigits'
  return digits.length === STAMP_DIGITS ? null : 'length'
}

export type DateProblem = 'missing' | 'invalid' | 'future'

/** The stamp's issue date: a real day, not after today. */
export function stampDateProblem(value: string, today: string): DateProblem | null {
  if (value === '') return 'missing'
  if (!isIsoDate(value)) return 'invalid'
  return value > today ? 'future' : null
}

interface UsageLike {
  requires_stamp: boolean
}

/** The usages one may choose for a type: an always exempt type cannot go on stamped paper. */
export function usagesFor<U extends UsageLike>(
  type: { always_exempt: boolean } | undefined,
  usages: U[],
): U[] {
  return type?.always_exempt ? usages.filter((u) => !u.requires_stamp) : usages
}

/** A euro amount in cents as Italian documents write it: "16,00". */
export function euros(cents: number, language: string): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100)
}

/** Who a third-party certificate is for, as the look-up page hands it over (location state). */
export interface ThirdPartySubject {
  reason: string
  surname: string
  name: string
  birthDate: string | null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** The third person of the router's location state, or null when the state holds none. */
export function thirdPartyOf(state: unknown): ThirdPartySubject | null {
  if (typeof state !== 'object' || state === null) return null
  const raw = state as Record<string, unknown>
  const reason = text(raw.reason)
  const surname = text(raw.surname)
  const name = text(raw.name)
  if (!reason || !surname || !name) return null
  return { reason, surname, name, birthDate: text(raw.birth_date) }
}
