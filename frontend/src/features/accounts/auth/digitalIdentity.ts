import type { components } from '@/lib/api/schema'

/** One login method of GET /api/v1/auth/providers. */
export type LoginProvider = components['schemas']['AuthProvider']

/** A SPID or CIE identity provider, with the address that begins its login. */
export type DigitalIdentityProvider = LoginProvider & { start_url: string }

/** The SPID, or the CIE, identity providers the portal lists, in the server's order. */
export function providersOfKind(
  providers: readonly LoginProvider[],
  kind: 'spid' | 'cie',
): DigitalIdentityProvider[] {
  return providers.filter(
    (p): p is DigitalIdentityProvider => p.kind === kind && typeof p.start_url === 'string',
  )
}

/**
 * Where the browser goes to log in with a provider: its `start_url`, with the page of this
 * application to come back to afterwards (`return_to`).
 */
export function loginUrl(startUrl: string, returnTo: string): string {
  const separator = startUrl.includes('?') ? '&' : '?'
  return `${startUrl}${separator}return_to=${encodeURIComponent(returnTo)}`
}

/**
 * A provider's logo from the API: a path under the application's root, used as it is.
 * Anything else (another site, a relative path) is ignored for the kind's default logo.
 */
export function providerLogo(logo: string | null | undefined): string | null {
  if (!logo || !logo.startsWith('/') || logo.startsWith('//') || logo.startsWith('/\\')) return null
  return logo
}

/**
 * A small pseudo-random generator (mulberry32) started from `seed` (a number in [0, 1)):
 * the same seed gives the same sequence, so a shuffle can be repeated at every render.
 */
export function seededRandom(seed: number): () => number {
  let state = Math.floor(seed * 0x100000000) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = state
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 0x100000000
  }
}

/** Puts a list in random order (Fisher–Yates): no identity provider is favoured. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}

/** What the server put in the fragment of /accedi/esito after a successful login. */
export interface LoginArrival {
  ticket: string
  /** The path the person wanted (`ritorno`), not yet checked. */
  returnTo: string | null
}

/** Reads `#ticket=…&ritorno=…`; null when there is no ticket. */
export function readArrival(hash: string): LoginArrival | null {
  const fields = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const ticket = fields.get('ticket')
  if (!ticket) return null
  return { ticket, returnTo: fields.get('ritorno') }
}

/** The groups of failure codes of /accedi/esito?errore=…, each with its own explanation. */
export type LoginFailureKind =
  | 'cancelled'
  | 'expired'
  | 'untrusted'
  | 'unreachable'
  | 'unverified'
  | 'level'
  | 'fiscalNumber'
  | 'locked'
  | 'rejected'
  | 'unknownProvider'
  | 'internal'
  | 'generic'

const FAILURES: Record<string, LoginFailureKind> = {
  login_cancelled: 'cancelled',
  login_expired: 'expired',
  provider_untrusted: 'untrusted',
  provider_unreachable: 'unreachable',
  provider_error: 'unverified',
  token_refused: 'unverified',
  id_token_signature: 'unverified',
  id_token_invalid: 'unverified',
  id_token_issuer: 'unverified',
  id_token_audience: 'unverified',
  id_token_expired: 'unverified',
  id_token_not_yet_valid: 'unverified',
  nonce_mismatch: 'unverified',
  userinfo_invalid: 'unverified',
  level_insufficient: 'level',
  fiscal_number_missing: 'fiscalNumber',
  fiscal_number_invalid: 'fiscalNumber',
  account_locked: 'locked',
  account_rejected: 'rejected',
  unknown_provider: 'unknownProvider',
  internal_error: 'internal',
}

export function failureKind(code: string): LoginFailureKind {
  return Object.hasOwn(FAILURES, code) ? (FAILURES[code] as LoginFailureKind) : 'generic'
}

/** A code fit to be shown for the support desk: the server's snake_case words only. */
export function displayableCode(code: string): string | null {
  return /^[a-z0-9_]{1,64}$/.test(code) ? code : null
}
