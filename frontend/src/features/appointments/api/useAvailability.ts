import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { availabilityKey } from './keys'
import type { Availability } from './types'

/**
 * GET /api/v1/desks/{id}/availability?from=&to=: every day of the range with whether it is
 * bookable or closed and its free slots. Always read afresh: places go while one looks.
 */
export function useAvailability(deskId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...availabilityKey(deskId ?? ''), from, to],
    queryFn: async ({ signal }) =>
      (await unwrap(
        api.GET('/api/v1/desks/{id}/availability', {
          params: { path: { id: deskId ?? '' }, query: { from, to } },
          signal,
        }),
      )) as Availability,
    enabled: Boolean(deskId) && from !== '' && to !== '',
    placeholderData: (previous) => (previous?.desk_id === deskId ? previous : undefined),
    staleTime: 0,
  })
}
