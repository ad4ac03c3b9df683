import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import type { components } from '@/lib/api/schema'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type Group = components['schemas']['Group']

/** GET /api/v1/admin/groups: every group with its permissions and its number of members. */
export function useGroups() {
  const { user } = useSession()
  return useQuery({
    queryKey: [...accessControlKey(user?.id), 'groups'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/groups', { signal })),
    enabled: user !== null,
    staleTime: 0,
  })
}
