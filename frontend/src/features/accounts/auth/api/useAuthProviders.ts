import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type AuthProviders = ResponseOf<'/api/v1/auth/providers', 'get'>

/** GET /api/v1/auth/providers: the login methods offered, and the caller's address. */
export function useAuthProviders() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['auth-providers', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/providers', { signal })),
    staleTime: 60 * 1000,
  })
}
