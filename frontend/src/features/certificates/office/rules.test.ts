import { describe, expect, it } from 'vitest'
import { isRequesterKind, reasonProblem, standingOf, usageSummary } from './rules'

describe('standing of an issued certificate', () => {
  const today = '2026-12-01'

  it('is revoked whatever its date', () => {
    expect(standingOf({ status: 'revoked', valid_until: '2027-05-30' }, today)).toBe('revoked')
    expect(standingOf({ status: 'revoked', valid_until: '2026-01-01' }, today)).toBe('revoked')
  })

  it('is expired only once its last valid day has passed', () => {
    expect(standingOf({ status: 'valid', valid_until: '2026-11-30' }, today)).toBe('expired')
    expect(standingOf({ status: 'valid', valid_until: '2026-12-01' }, today)).toBe('valid')
  })
})

describe('revocation reason', () => {
  it('is required, blanks not counting', () => {
    expect(reasonProblem('')).toBe('missing')
    expect(reasonProblem('   ')).toBe('missing')
  })

  it('has 3 to 500 characters once trimmed', () => {
    expect(reasonProblem(' ab ')).toBe('tooShort')
    expect(reasonProblem('abc')).toBeNull()
    expect(reasonProblem('è'.repeat(500))).toBeNull()
    expect(reasonProblem('x'.repeat(501))).toBe('tooLong')
  })
})

describe('requester kinds', () => {
  it('are the four the API names', () => {
    expect(['self', 'family', 'third_party', 'office'].every(isRequesterKind)).toBe(true)
    expect(isRequesterKind('operator')).toBe(false)
  })
})

describe('the usage in short', () => {
  const catalogue = [
    { code: 'bollo', legal_reference: null, requires_stamp: true },
    { code: 'pensione', legal_reference: 'art. 12 Tab. B D.P.R. 642/1972', requires_stamp: false },
    { code: 'altro', legal_reference: null, requires_stamp: false },
  ]
  const certificate = (usage: string, usage_text: string | null = null) => ({
    usage,
    usage_description: 'Si rilascia …',
    usage_text,
  })

  it('names the stamp duty, the exemption by its reference, or the purpose given', () => {
    expect(usageSummary(certificate('bollo'), catalogue)).toEqual({ kind: 'stamp' })
    expect(usageSummary(certificate('pensione'), catalogue)).toEqual({
      kind: 'exempt',
      reference: 'art. 12 Tab. B D.P.R. 642/1972',
    })
    expect(usageSummary(certificate('altro', 'concorso pubblico'), catalogue)).toEqual({
      kind: 'other',
      text: 'concorso pubblico',
    })
  })

  it('falls back to the printed wording while the catalogue is not known', () => {
    expect(usageSummary(certificate('pensione'))).toEqual({
      kind: 'printed',
      text: 'Si rilascia …',
    })
  })
})
