import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { saveFile } from '@/lib/download'
import { useSession } from '@/lib/session'
import { appointmentsKey, availabilityKey } from './keys'
import type { Agenda, Appointment, AppointmentList, NewAppointment } from './types'

export interface AppointmentFilters {
  /** A booking code or a codice fiscale (the office). */
  q?: string
  deskId?: string
  date?: string
}

/**
 * GET /api/v1/appointments: the citizen's own, newest first; the office searches by `q`
 * (booking code or codice fiscale), desk and date.
 */
export function useAppointments(filters: AppointmentFilters = {}, enabled = true) {
  const { user } = useSession()
  const query = {
    q: filters.q || undefined,
    desk_id: filters.deskId || undefined,
    date: filters.date || undefined,
  }
  return useQuery({
    queryKey: [...appointmentsKey(user?.id), 'list', query],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/v1/appointments', { params: { query }, signal }),
      )) as AppointmentList,
    enabled: enabled && user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** GET /api/v1/desks/{id}/agenda?date=: the office's day at a desk, slot by slot. */
export function useAgenda(deskId: string | undefined, date: string) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...appointmentsKey(user?.id), 'agenda', deskId, date],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/v1/desks/{id}/agenda', {
          params: { path: { id: deskId ?? '' }, query: { date } },
          signal,
        }),
      )) as Agenda,
    enabled: user !== null && Boolean(deskId) && date !== '',
    staleTime: 0,
  })
}

/** After any change of a booking: the lists, the agendas and the free places are read again. */
function useAppointmentChanged() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return (appointment: Appointment | undefined, id: string) => {
    const key = appointmentsKey(user?.id)
    if (appointment) {
      // The answer replaces the cached copies at once (the lists are read again anyway).
      queryClient.setQueriesData<AppointmentList>({ queryKey: [...key, 'list'] }, (old) =>
        old ? { ...old, items: old.items.map((a) => (a.id === id ? appointment : a)) } : old,
      )
    }
    void queryClient.invalidateQueries({ queryKey: key })
    void queryClient.invalidateQueries({ queryKey: availabilityKey() })
  }
}

/** The answer's appointment when the server sends it back (a 204 has none). */
function appointmentOf(data: unknown): Appointment | undefined {
  return typeof data === 'object' && data !== null && 'id' in data
    ? (data as Appointment)
    : undefined
}

export interface BookCall {
  body: NewAppointment
  /** One per attempt: a retry after a lost answer books once. */
  idempotencyKey: string
}

/**
 * POST /api/v1/appointments: 201 with the appointment and its code; 409 `slot_full` when the
 * place is gone, `too_many_bookings` past the desk's limit; 422 a slot or topic not valid.
 */
export function useBookAppointment() {
  const changed = useAppointmentChanged()
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: BookCall) =>
      (await unwrap(
        api.POST('/api/v1/appointments', {
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      )) as Appointment,
    onSuccess: (appointment) => changed(undefined, appointment.id),
    // A refused booking means the free places changed: they are read again.
    onError: () => changed(undefined, ''),
  })
}

/** DELETE /api/v1/appointments/{id}?reason=: the place is free at once. */
export function useCancelAppointment() {
  const changed = useAppointmentChanged()
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason?: string }) =>
      appointmentOf(
        await unwrap(
          api.DELETE('/api/v1/appointments/{id}', {
            params: { path: { id }, query: reason ? { reason } : {} },
          }),
        ),
      ),
    onSuccess: (appointment, { id }) => changed(appointment, id),
  })
}

/** POST /api/v1/appointments/{id}/move {starts_at, reason}: the office moves a booking. */
export function useMoveAppointment() {
  const changed = useAppointmentChanged()
  return useMutation({
    mutationFn: async ({
      id,
      startsAt,
      reason,
    }: {
      id: string
      startsAt: string
      reason: string
    }) =>
      appointmentOf(
        await unwrap(
          api.POST('/api/v1/appointments/{id}/move', {
            params: { path: { id } },
            body: { starts_at: startsAt, reason },
          }),
        ),
      ),
    onSuccess: (appointment, { id }) => changed(appointment, id),
  })
}

/** POST /api/v1/appointments/{id}/attendance {attended}: "Presentato" / "Non presentato". */
export function useAttendance() {
  const changed = useAppointmentChanged()
  return useMutation({
    mutationFn: async ({ id, attended }: { id: string; attended: boolean }) =>
      appointmentOf(
        await unwrap(
          api.POST('/api/v1/appointments/{id}/attendance', {
            params: { path: { id } },
            body: { attended },
          }),
        ),
      ),
    onSuccess: (appointment, { id }) => changed(appointment, id),
  })
}

/** The .ics file's name: the booking code finds it again. */
export function icsFileName(appointment: Pick<Appointment, 'code'>) {
  return `appuntamento-${appointment.code}.ics`
}

/**
 * GET /api/v1/appointments/{id}/ics: the appointment for one's calendar, fetched with the
 * session's token and handed to the browser's downloads. Resolves to the file's name.
 */
export function useDownloadIcs() {
  return useMutation({
    mutationFn: async (appointment: Pick<Appointment, 'id' | 'code'>) => {
      const blob = await unwrap(
        api.GET('/api/v1/appointments/{id}/ics', {
          params: { path: { id: appointment.id } },
          parseAs: 'blob',
        }),
      )
      const fileName = icsFileName(appointment)
      saveFile(blob as Blob, fileName)
      return fileName
    },
  })
}
