/** The desks as the signed-in user sees them (the office sees the inactive ones too). */
export function desksKey(userId: string | undefined) {
  return ['session', userId, 'desks'] as const
}

/** Free places of a desk; public, the same for everybody. */
export function availabilityKey(deskId?: string) {
  return deskId ? (['desk-availability', deskId] as const) : (['desk-availability'] as const)
}

/** The signed-in user's appointments (citizen) or the office's searches and agendas. */
export function appointmentsKey(userId: string | undefined) {
  return ['session', userId, 'appointments'] as const
}
