import type { components } from '@/lib/api/schema'

// The shapes of the appointment endpoints (backend/src/appointments/api/shapes.rs), as the
// generated schema names them.
type Schemas = components['schemas']

export type Desk = Schemas['Desk']
export type DeskList = Schemas['DeskList']
export type DeskHours = Schemas['DeskHours']
export type DeskClosure = Schemas['DeskClosure']
export type DeskInput = Schemas['DeskInput']
export type ClosureInput = Schemas['ClosureInput']
export type FreeSlot = Schemas['FreeSlot']
export type AvailabilityDay = Schemas['AvailabilityDay']
export type Availability = Schemas['Availability']
export type NewAppointment = Schemas['NewAppointment']
export type AppointmentPerson = Schemas['AppointmentPerson']
export type Appointment = Schemas['Appointment']
export type AppointmentList = Schemas['AppointmentList']
export type MoveRequest = Schemas['MoveRequest']
export type AttendanceRequest = Schemas['AttendanceRequest']
export type AgendaSlot = Schemas['AgendaSlot']
export type Agenda = Schemas['Agenda']

/** The service areas a desk may belong to. */
export const DESK_AREAS = [
  'anagrafe',
  'stato_civile',
  'elettorale',
  'carta_identita',
  'altro',
] as const
