import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { selfDeclarationsKey } from './keys'

export type Draft = ResponseOf<'/api/v1/self-declaration-types/{code}/prefill', 'get'>
export type Member = Draft['members'][number]

/**
 * GET /api/v1/self-declaration-types/{code}/prefill: the form as the portal fills it for
 * the signed-in citizen (the particulars locked; the registry's facts for a resident).
 */
export function usePrefill(code: string) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...selfDeclarationsKey(user?.id), 'prefill', code],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/self-declaration-types/{code}/prefill', {
          params: { path: { code } },
          signal,
        }),
      ),
    enabled: user !== null && code !== '',
    staleTime: 0,
  })
}
