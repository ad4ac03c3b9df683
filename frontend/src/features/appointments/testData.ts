import type {
  Agenda,
  Appointment,
  Availability,
  AvailabilityDay,
  Desk,
  FreeSlot,
} from './api/types'
import { daysBetween, weekdayOf } from './calendar'

export function desk(overrides: Partial<Desk> = {}): Desk {
  return {
    id: 'd1',
    name: 'Anagrafe',
    area: 'anagrafe',
    area_label: 'Anagrafe',
    location: 'Piazza del Municipio, 1 - piano terra, sportello 2',
    topics: ['Cambio di residenza', 'Certificati'],
    hours: [{ weekday: 1, opens: '08:30', closes: '12:30' }],
    slot_minutes: 20,
    places_per_slot: 2,
    horizon_days: 60,
    min_notice_hours: 24,
    cancel_notice_hours: 24,
    max_active_per_citizen: 2,
    active: true,
    closures: [],
    ...overrides,
  }
}

export const desks = [
  desk(),
  desk({ id: 'd2', name: 'Stato civile', area: 'stato_civile', area_label: 'Stato civile' }),
]

export function slot(date: string, time: string, free = 2): FreeSlot {
  const [h, m] = time.split(':').map(Number)
  const end = (h ?? 0) * 60 + (m ?? 0) + 20
  const ends = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`
  return { starts_at: `${date}T${time}:00+01:00`, time, ends, free }
}

/** Mondays and Wednesdays bookable (two slots), Sundays closed, the rest without places. */
export function availability(from: string, to: string, deskId = 'd1'): Availability {
  const days: AvailabilityDay[] = daysBetween(from, to).map((date) => {
    const weekday = weekdayOf(date)
    const bookable = weekday === 1 || weekday === 3
    const slots = bookable ? [slot(date, '08:30'), slot(date, '08:50', 1)] : []
    return {
      date,
      bookable,
      closed: weekday === 7,
      free: slots.reduce((sum, s) => sum + s.free, 0),
      slots,
    }
  })
  return { desk_id: deskId, from, to, days }
}

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'ap-1',
    code: 'K7Q4M2',
    desk_id: 'd1',
    desk_name: 'Anagrafe',
    location: 'Piazza del Municipio, 1 - piano terra, sportello 2',
    starts_at: '2026-12-14T08:30:00+01:00',
    ends_at: '2026-12-14T08:50:00+01:00',
    date: '2026-12-14',
    time: '08:30',
    topic: 'Certificati',
    notes: '',
    state: 'booked',
    state_label: 'Prenotato',
    person: { fiscal_code: 'RSSMRA85T10H501O', surname: 'Rossi', name: 'Mario' },
    email: 'mario.rossi@example.it',
    phone: null,
    booked_by: 'citizen',
    created_at: '2026-12-06T10:00:00Z',
    cancelled_at: null,
    cancel_reason: null,
    can_cancel: true,
    cancel_until: '2026-12-13T08:30:00+01:00',
    ics_url: '/api/v1/appointments/ap-1/ics',
    ...overrides,
  }
}

export function agenda(date: string, appointments: Appointment[]): Agenda {
  return {
    desk: desk(),
    date,
    slots: [
      { starts_at: `${date}T08:30:00+01:00`, time: '08:30', places: 2, appointments },
      { starts_at: `${date}T08:50:00+01:00`, time: '08:50', places: 2, appointments: [] },
    ],
  }
}
