import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { rememberPlaceNames } from '../components/fields'
import { practiceKey } from './keys'
import type { Practice, PracticeHistory } from './types'

/** GET /api/v1/practices/{id}: the practice, for its owner or the office. */
export function usePractice(id: string) {
  const { user } = useSession()
  return useQuery({
    queryKey: practiceKey(user?.id, id),
    queryFn: async ({ signal }) => {
      const practice = (await unwrap(
        api.GET('/api/v1/practices/{id}', { params: { path: { id } }, signal }),
      )) as Practice
      rememberPlaceNames(practice.place_names)
      return practice
    },
    enabled: user !== null && id !== '',
    staleTime: 0,
  })
}

/** GET /api/v1/practices/{id}/history: every change of state, oldest first. */
export function usePracticeHistory(id: string, enabled = true) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...practiceKey(user?.id, id), 'history'],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/v1/practices/{id}/history', { params: { path: { id } }, signal }),
      )) as PracticeHistory,
    enabled: enabled && user !== null && id !== '',
    staleTime: 0,
  })
}
