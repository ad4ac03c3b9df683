import { describe, expect, it } from 'vitest'
import {
  euros,
  singleLine,
  stampDateProblem,
  stampIdentifierProblem,
  thirdPartyOf,
  usagesFor,
} from './rules'

describe('stamp identifier', () => {
  it('wants exactly 14 digits, spaces between groups allowed', () => {
    expect(stampIdentifierProblem('01234567890123')).toBeNull()
    expect(stampIdentifierProblem('0123 4567 8901 23')).toBeNull()
    expect(stampIdentifierProblem('')).toBe('missing')
    expect(stampIdentifierProblem('0123456789012')).toBe('length')
    expect(stampIdentifierProblem('012345678901234')).toBe('length')
    expect(stampIdentifierProblem('0123456789012A')).toBe('notDigits')
  })
})

describe('usage text', () => {
  it('becomes one line without surrounding spaces', () => {
    expect(singleLine('  Iscrizione\n a un  circolo\r\nsportivo ')).toBe(
      'Iscrizione a un circolo sportivo',
    )
  })
})

describe('stamp issue date', () => {
  it('is a real day not after today', () => {
    expect(stampDateProblem('2026-11-30', '2026-11-30')).toBeNull()
    expect(stampDateProblem('2026-12-01', '2026-11-30')).toBe('future')
    expect(stampDateProblem('2026-02-30', '2026-11-30')).toBe('invalid')
    expect(stampDateProblem('', '2026-11-30')).toBe('missing')
  })
})

describe('usages of a type', () => {
  const usages = [
    { code: 'bollo', requires_stamp: true },
    { code: 'pensione', requires_stamp: false },
  ]
  it('drops stamped paper for an always exempt type only', () => {
    expect(usagesFor({ always_exempt: true }, usages).map((u) => u.code)).toEqual(['pensione'])
    expect(usagesFor({ always_exempt: false }, usages)).toHaveLength(2)
    expect(usagesFor(undefined, usages)).toHaveLength(2)
  })
})

describe('amounts', () => {
  it('writes euros with the decimal comma in Italian', () => {
    expect(euros(1600, 'it')).toBe('16,00')
    expect(euros(1600, 'en')).toBe('16.00')
  })
})

describe('third person from the look-up', () => {
  it('needs a reason, a surname and a name', () => {
    expect(
      thirdPartyOf({
        reason: 'Pratica di successione',
        surname: 'VERDI',
        name: 'LUCA',
        birth_date: '1950-03-04',
      }),
    ).toEqual({
      reason: 'Pratica di successione',
      surname: 'VERDI',
      name: 'LUCA',
      birthDate: '1950-03-04',
    })
    expect(thirdPartyOf({ reason: ' ', surname: 'VERDI', name: 'LUCA' })).toBeNull()
    expect(thirdPartyOf(null)).toBeNull()
    expect(thirdPartyOf('x')).toBeNull()
  })
})
