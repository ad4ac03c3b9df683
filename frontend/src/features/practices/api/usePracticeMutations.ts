import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import type { DeclarationForm } from '../model'
import { toDeclaration } from '../model'
import { practiceKey, practicesKey } from './keys'
import { rememberPlaceNames } from '../components/fields'
import type { Practice, StepCode } from './types'

/** Keeps the answer as the practice's cached copy and refreshes the lists and history. */
function usePracticeAnswer() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return (practice: Practice) => {
    rememberPlaceNames(practice.place_names)
    queryClient.setQueryData(practiceKey(user?.id, practice.id), practice)
    void queryClient.invalidateQueries({ queryKey: [...practicesKey(user?.id), 'list'] })
    void queryClient.invalidateQueries({
      queryKey: [...practiceKey(user?.id, practice.id), 'history'],
    })
  }
}

/** POST /api/v1/practices {type}: a draft prefilled from the registry (201). */
export function useCreatePractice() {
  const store = usePracticeAnswer()
  return useMutation({
    mutationFn: async (type: string) =>
      (await unwrap(api.POST('/api/v1/practices', { body: { type } }))) as Practice,
    onSuccess: store,
  })
}

export interface SaveCall {
  id: string
  data: DeclarationForm
  step: StepCode
  version: number
}

/** PATCH /api/v1/practices/{id}: the draft saved with the step to resume at (409 `stale_draft`). */
export function useSaveDraft() {
  const store = usePracticeAnswer()
  return useMutation({
    mutationFn: async ({ id, data, step, version }: SaveCall) =>
      (await unwrap(
        api.PATCH('/api/v1/practices/{id}', {
          params: { path: { id } },
          body: { data: toDeclaration(data), step, version },
        }),
      )) as Practice,
    onSuccess: store,
  })
}

export interface SubmitCall {
  id: string
  note?: string
  /** One per attempt: a retry after a lost answer submits once. */
  idempotencyKey: string
}

/**
 * POST /api/v1/practices/{id}/submit: the declaration sent (protocol number given), or in
 * `integration_requested` the integration sent back. 422 lists what is missing.
 */
export function useSubmitPractice() {
  const store = usePracticeAnswer()
  return useMutation({
    mutationFn: async ({ id, note, idempotencyKey }: SubmitCall) =>
      (await unwrap(
        api.POST('/api/v1/practices/{id}/submit', {
          params: { path: { id } },
          body: note ? { note } : {},
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      )) as Practice,
    onSuccess: store,
  })
}

/** POST /api/v1/practices/{id}/cancel: a draft cancelled, an open declaration withdrawn. */
export function useCancelPractice() {
  const store = usePracticeAnswer()
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(
        api.POST('/api/v1/practices/{id}/cancel', { params: { path: { id } } }),
      )) as Practice,
    onSuccess: store,
  })
}

export type OfficeCall =
  | { id: string; action: 'take_charge' }
  | { id: string; action: 'register' }
  | { id: string; action: 'request_integration'; message: string }
  | { id: string; action: 'approve'; note?: string }
  | { id: string; action: 'reject'; reason: string }

async function officeCall(call: OfficeCall): Promise<Practice> {
  const params = { path: { id: call.id } }
  switch (call.action) {
    case 'take_charge':
      return (await unwrap(api.POST('/api/v1/practices/{id}/take-charge', { params }))) as Practice
    case 'register':
      return (await unwrap(api.POST('/api/v1/practices/{id}/register', { params }))) as Practice
    case 'request_integration':
      return (await unwrap(
        api.POST('/api/v1/practices/{id}/request-integration', {
          params,
          body: { message: call.message },
        }),
      )) as Practice
    case 'approve':
      return (await unwrap(
        api.POST('/api/v1/practices/{id}/approve', {
          params,
          body: call.note ? { note: call.note } : {},
        }),
      )) as Practice
    case 'reject':
      return (await unwrap(
        api.POST('/api/v1/practices/{id}/reject', { params, body: { reason: call.reason } }),
      )) as Practice
  }
}

/** The office's moves: take in charge, register, request integration, approve, reject. */
export function useOfficeAction() {
  const store = usePracticeAnswer()
  return useMutation({ mutationFn: officeCall, onSuccess: store })
}
