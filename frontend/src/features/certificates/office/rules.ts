// The office's rules for issued certificates, kept apart from the page so they are tested alone.

export const REASON_MIN = 3
export const REASON_MAX = 500

/** What a certificate is worth today: revoked, expired (six months, art. 41 D.P.R. 445/2000) or valid. */
export type Standing = 'valid' | 'expired' | 'revoked'

export function standingOf(
  certificate: { status: string; valid_until: string },
  today: string,
): Standing {
  if (certificate.status === 'revoked') return 'revoked'
  // Both are YYYY-MM-DD, so the text order is the calendar order.
  return certificate.valid_until < today ? 'expired' : 'valid'
}

/** Why a revocation reason would be refused, or null; the server trims it, so do we. */
export function reasonProblem(reason: string): 'missing' | 'tooShort' | 'tooLong' | null {
  const length = [...reason.trim()].length
  if (length === 0) return 'missing'
  if (length < REASON_MIN) return 'tooShort'
  if (length > REASON_MAX) return 'tooLong'
  return null
}

/** The kinds of requester the API names; anything else is shown as the server wrote it. */
export const REQUESTER_KINDS = ['self', 'family', 'third_party', 'office'] as const
export type RequesterKind = (typeof REQUESTER_KINDS)[number]

export function isRequesterKind(value: string): value is RequesterKind {
  return (REQUESTER_KINDS as readonly string[]).includes(value)
}

/**
 * A short form of the usage for the office's table (the certificate prints the whole
 * wording): in bollo, exempt with its legal reference, or the requester's own purpose.
 */
export type UsageSummary =
  | { kind: 'stamp' }
  | { kind: 'exempt'; reference: string }
  | { kind: 'other'; text: string }
  | { kind: 'printed'; text: string }

export function usageSummary(
  certificate: { usage: string; usage_description: string; usage_text?: string | null },
  catalogue: { code: string; legal_reference?: string | null; requires_stamp: boolean }[] = [],
): UsageSummary {
  const usage = catalogue.find((u) => u.code === certificate.usage)
  if (usage?.requires_stamp) return { kind: 'stamp' }
  if (certificate.usage_text) return { kind: 'other', text: certificate.usage_text }
  if (usage?.legal_reference) return { kind: 'exempt', reference: usage.legal_reference }
  return { kind: 'printed', text: certificate.usage_description }
}
