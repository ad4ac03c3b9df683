// The verdict on a certificate as a whole, which the verification pages show before
// anything else: a person holding a paper wants to know first whether it can be trusted.
// Only an archive answer "valid" for a document matching its seal is a valid verdict;
// anything not known yet is "checking", never valid.
import { ApiError } from '@/lib/api/problem'
import type { CertificateStatus } from './api/useCertificateStatus'
import type { SealFailure } from './seal'

export type Verdict =
  /** Still being checked: the seal (in the browser) or the archive (on the server). */
  | { kind: 'checking'; step: 'seal' | 'archive' }
  | { kind: 'valid'; validUntil: string; sealChecked: boolean }
  | { kind: 'expired'; validUntil: string }
  /** `revokedAt` is null only for an archive that does not say when. */
  | { kind: 'revoked'; revokedAt: string | null }
  /** An archive status this page does not know: not valid, never guessed valid. */
  | { kind: 'invalid' }
  /** A genuine seal, whose document is not the one the archive keeps. */
  | { kind: 'mismatch' }
  /** The seal is forged, altered, damaged, or of another certificate. */
  | { kind: 'badSeal'; failure: Exclude<SealFailure, 'crypto_unavailable'> }
  /** The archive has no certificate for these data (or for this seal). */
  | { kind: 'notFound'; fromSeal: boolean }
  /** No verdict could be reached; `error` is the failed request, when there was one. */
  | { kind: 'incomplete'; reason: IncompleteReason; error?: unknown }

export type IncompleteReason = 'tooMany' | 'failed' | 'keysFailed' | 'cryptoUnavailable'

export type VerdictTone = 'success' | 'danger' | 'warning' | 'info'

/** Green only for a valid certificate; red for anything that must not be trusted. */
export function verdictTone(verdict: Verdict): VerdictTone {
  switch (verdict.kind) {
    case 'valid':
      return 'success'
    case 'checking':
      return 'info'
    case 'incomplete':
      return 'warning'
    default:
      return 'danger'
  }
}

/**
 * The archive's answer as a verdict. With `sealedHash` (hex SHA-256 the seal carries),
 * a document other than the sealed one is a mismatch, whatever its status: the paper in
 * hand is not the certificate the archive keeps.
 */
export function archiveVerdict(status: CertificateStatus, sealedHash?: string): Verdict {
  if (sealedHash !== undefined && status.content_sha256.toLowerCase() !== sealedHash) {
    return { kind: 'mismatch' }
  }
  // `valid` and `status` must agree; a disagreement is read as not valid.
  const consistent = status.valid === (status.status === 'valid')
  if (!consistent) return { kind: 'invalid' }
  switch (status.status) {
    case 'valid':
      return {
        kind: 'valid',
        validUntil: status.valid_until,
        sealChecked: sealedHash !== undefined,
      }
    case 'expired':
      return { kind: 'expired', validUntil: status.valid_until }
    case 'revoked':
      return { kind: 'revoked', revokedAt: status.revoked_at ?? null }
    default:
      return { kind: 'invalid' }
  }
}

/** A failed archive request as a verdict: 404 says no such certificate, the rest say nothing. */
export function archiveFailureVerdict(error: unknown, fromSeal: boolean): Verdict {
  const httpStatus = error instanceof ApiError ? error.status : 0
  // The same answer for an unknown ID and for wrong names: nothing to tell them apart.
  if (httpStatus === 404) return { kind: 'notFound', fromSeal }
  return { kind: 'incomplete', reason: httpStatus === 429 ? 'tooMany' : 'failed', error }
}

/** The seal's own failure as a verdict (before the archive is asked anything). */
export function sealFailureVerdict(failure: SealFailure): Verdict {
  return failure === 'crypto_unavailable'
    ? { kind: 'incomplete', reason: 'cryptoUnavailable' }
    : { kind: 'badSeal', failure }
}

/** A recorded instant in full words, in the reader's time zone: "3 dicembre 2026 alle ore 10:15". */
export function formatInstant(instant: string, language: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date)
}
