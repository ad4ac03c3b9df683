import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api/problem'
import type { CertificateStatus } from './api/useCertificateStatus'
import {
  archiveFailureVerdict,
  archiveVerdict,
  formatInstant,
  sealFailureVerdict,
  type Verdict,
  verdictTone,
} from './verdict'

const SEALED = 'ab'.repeat(32)

function answer(fields: Partial<CertificateStatus> = {}): CertificateStatus {
  return {
    valid: true,
    status: 'valid',
    id: '7KQF-9XMA-2R4D-HV0C',
    type: 'residenza',
    type_name: 'Certificato di residenza',
    issued_at: '2026-11-20T09:32:00Z',
    valid_until: '2027-05-20',
    subject_surname: 'ROSSI',
    subject_name: 'MARIO',
    content_sha256: SEALED,
    pdf_sha256: 'ef'.repeat(32),
    signing_key_id: 'seal-2026-01',
    ...fields,
  }
}

describe('the verdict on the archive answer', () => {
  it('is valid only when the archive says valid, and says whether the seal was checked', () => {
    expect(archiveVerdict(answer())).toEqual({
      kind: 'valid',
      validUntil: '2027-05-20',
      sealChecked: false,
    })
    expect(archiveVerdict(answer({ content_sha256: SEALED.toUpperCase() }), SEALED)).toEqual({
      kind: 'valid',
      validUntil: '2027-05-20',
      sealChecked: true,
    })
  })

  it('tells expired and revoked apart, with the day and the moment', () => {
    expect(archiveVerdict(answer({ valid: false, status: 'expired' }))).toEqual({
      kind: 'expired',
      validUntil: '2027-05-20',
    })
    expect(
      archiveVerdict(
        answer({ valid: false, status: 'revoked', revoked_at: '2026-12-03T11:15:00Z' }),
      ),
    ).toEqual({ kind: 'revoked', revokedAt: '2026-12-03T11:15:00Z' })
    expect(archiveVerdict(answer({ valid: false, status: 'revoked' }))).toEqual({
      kind: 'revoked',
      revokedAt: null,
    })
  })

  it('never reads valid into an answer that contradicts itself or is unknown', () => {
    expect(archiveVerdict(answer({ valid: true, status: 'revoked' })).kind).toBe('invalid')
    expect(archiveVerdict(answer({ valid: false, status: 'valid' })).kind).toBe('invalid')
    const unknown = answer({ valid: false, status: 'superseded' as CertificateStatus['status'] })
    expect(archiveVerdict(unknown).kind).toBe('invalid')
  })

  it('calls a document other than the sealed one a mismatch, before any status', () => {
    const other = { content_sha256: 'cd'.repeat(32) }
    expect(archiveVerdict(answer(other), SEALED).kind).toBe('mismatch')
    expect(archiveVerdict(answer({ ...other, valid: false, status: 'revoked' }), SEALED).kind).toBe(
      'mismatch',
    )
    // Without a seal there is nothing to compare.
    expect(archiveVerdict(answer(other)).kind).toBe('valid')
  })
})

describe('the verdict on a failure', () => {
  it('is "not found" for a 404 and "not completed" for anything else', () => {
    expect(archiveFailureVerdict(new ApiError(404, {}), true)).toEqual({
      kind: 'notFound',
      fromSeal: true,
    })
    const tooMany = new ApiError(429, {})
    expect(archiveFailureVerdict(tooMany, false)).toEqual({
      kind: 'incomplete',
      reason: 'tooMany',
      error: tooMany,
    })
    expect(archiveFailureVerdict(new ApiError(0, {}), false)).toMatchObject({
      kind: 'incomplete',
      reason: 'failed',
    })
    expect(archiveFailureVerdict(new ApiError(500, {}), false)).toMatchObject({ reason: 'failed' })
  })

  it('is a bad seal for a seal that fails, unless the browser could not check it', () => {
    expect(sealFailureVerdict('bad_signature')).toEqual({
      kind: 'badSeal',
      failure: 'bad_signature',
    })
    expect(sealFailureVerdict('crypto_unavailable')).toEqual({
      kind: 'incomplete',
      reason: 'cryptoUnavailable',
    })
  })
})

describe('the colour of a verdict', () => {
  it('is green for a valid certificate only, red for anything not to trust', () => {
    const tones = (verdicts: Verdict[]) => verdicts.map(verdictTone)
    expect(tones([{ kind: 'valid', validUntil: '2027-05-20', sealChecked: true }])).toEqual([
      'success',
    ])
    expect(
      tones([
        { kind: 'expired', validUntil: '2026-05-20' },
        { kind: 'revoked', revokedAt: null },
        { kind: 'invalid' },
        { kind: 'mismatch' },
        { kind: 'badSeal', failure: 'malformed' },
        { kind: 'notFound', fromSeal: false },
      ]),
    ).toEqual(Array(6).fill('danger'))
    expect(verdictTone({ kind: 'checking', step: 'archive' })).toBe('info')
    expect(verdictTone({ kind: 'incomplete', reason: 'failed' })).toBe('warning')
  })
})

describe('an instant in words', () => {
  it('has the day in full and the time, and leaves what it cannot read as it is', () => {
    expect(formatInstant('2026-12-03T11:15:00Z', 'it')).toMatch(/^3 dicembre 2026\b.*\d\d:\d\d/)
    expect(formatInstant('yesterday', 'it')).toBe('yesterday')
  })
})
