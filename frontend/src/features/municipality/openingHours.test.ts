import { describe, expect, it } from 'vitest'
import { municipality } from '@/test/fixtures'
import { weeklySchedule } from './components/openingHours'

describe('weeklySchedule', () => {
  it('lists the whole week from Monday, in Italian, with sorted intervals', () => {
    const week = weeklySchedule(municipality.office.opening_hours, 'it')
    expect(week.map((d) => d.name)).toEqual([
      'Lunedì',
      'Martedì',
      'Mercoledì',
      'Giovedì',
      'Venerdì',
      'Sabato',
      'Domenica',
    ])
    expect(week[0]?.intervals.map((i) => i.label)).toEqual(['08:30–12:30'])
    expect(week[1]?.intervals).toEqual([])
    expect(week[2]?.intervals.map((i) => i.label)).toEqual(['08:30–12:30', '14:30–17:00'])
  })

  it('names the days and the times in English', () => {
    const week = weeklySchedule(municipality.office.opening_hours, 'en')
    expect(week[0]?.name).toBe('Monday')
    expect(week[6]?.name).toBe('Sunday')
    expect(week[2]?.intervals[1]?.label).toBe('02:30 PM–05:00 PM')
  })
})
