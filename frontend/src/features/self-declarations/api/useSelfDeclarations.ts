import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { selfDeclarationsKey } from './keys'

/** GET /api/v1/self-declarations: the signed-in citizen's declarations, newest first. */
export function useSelfDeclarations(enabled = true) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...selfDeclarationsKey(user?.id), 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/self-declarations', { signal })),
    enabled: enabled && user !== null,
    staleTime: 0,
  })
}
