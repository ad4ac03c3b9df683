import { describe, expect, it } from 'vitest'
import { isIsoDate, registryDate, todayIso } from './registryDates'

describe('registry dates', () => {
  it('writes today in the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
  })

  it('accepts only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true)
    expect(isIsoDate('2023-02-29')).toBe(false)
    expect(isIsoDate('2024-2-9')).toBe(false)
    expect(isIsoDate('')).toBe(false)
  })

  it('prints dd/mm/yyyy, and leaves anything else as it is', () => {
    expect(registryDate('1985-12-10')).toBe('10/12/1985')
    expect(registryDate('sconosciuta')).toBe('sconosciuta')
  })
})
