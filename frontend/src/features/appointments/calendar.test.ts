import { describe, expect, it } from 'vitest'
import {
  addMonths,
  longDate,
  monthWeeks,
  shiftView,
  startOfWeek,
  visibleRange,
  weekdayOf,
} from './calendar'

describe('calendar arithmetic', () => {
  it('counts weekdays from Monday and weeks from Monday', () => {
    expect(weekdayOf('2026-12-07')).toBe(1)
    expect(weekdayOf('2026-12-13')).toBe(7)
    expect(startOfWeek('2026-12-13')).toBe('2026-12-07')
  })

  it('lays out a month in weeks, other months left blank', () => {
    const weeks = monthWeeks('2026-12-15')
    expect(weeks).toHaveLength(5)
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
    expect(weeks[4]?.slice(3)).toEqual(['2026-12-31', null, null, null])
  })

  it('moves by months clamping the day, and by weeks or days', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(shiftView('month', '2026-12-15', -1)).toBe('2026-11-15')
    expect(shiftView('week', '2026-12-15', 1)).toBe('2026-12-22')
    expect(shiftView('day', '2026-12-31', 1)).toBe('2027-01-01')
    expect(visibleRange('week', '2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-03' })
  })

  it('writes dates in Italian', () => {
    expect(longDate('2026-12-05', 'it')).toBe('sabato 5 dicembre 2026')
  })
})
