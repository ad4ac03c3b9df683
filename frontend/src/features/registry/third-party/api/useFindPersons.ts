import { useMutation } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import type { PersonQuery } from '../search'

export type PersonMatch = ResponseOf<'/api/v1/persons', 'get'>['items'][number]

/**
 * GET /api/v1/persons: the third-party look-up. A mutation, not a query: every look-up is
 * recorded with its reason and counts against an hourly limit, so it runs only when the
 * person presses RICERCA — never again on its own.
 */
export function useFindPersons() {
  return useMutation({
    mutationFn: async (query: PersonQuery) =>
      (await unwrap(api.GET('/api/v1/persons', { params: { query } }))).items,
  })
}
