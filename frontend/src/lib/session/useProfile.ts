import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from './useSession'

export type Profile = ResponseOf<'/api/v1/me', 'get'>

/** The query key of the signed-in user's profile; under 'session', dropped at logout. */
export function profileKey(userId: string | undefined, language: string) {
  return ['session', userId, 'profile', language] as const
}

/** GET /api/v1/me: the signed-in user's profile. */
export function useProfile() {
  const { i18n } = useTranslation()
  const { user } = useSession()
  return useQuery({
    queryKey: profileKey(user?.id, i18n.language),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me', { signal })),
    enabled: user !== null && !user.mustChangePassword,
    staleTime: 0,
  })
}
