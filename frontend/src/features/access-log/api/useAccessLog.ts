import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'

export type AccessLogEntry = ResponseOf<'/api/v1/me/access-log', 'get'>['items'][number]

/** GET /api/v1/me/access-log: who else consulted the signed-in person's data. */
export function useAccessLog() {
  const { user } = useSession()
  const { i18n } = useTranslation()
  return useQuery({
    // The action labels come in the reader's language.
    queryKey: ['session', user?.id, 'access-log', i18n.language],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/me/access-log', { signal }))).items,
    enabled: user !== null,
    staleTime: 0,
  })
}
