import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { registryKey } from './keys'

export type FamilyRecord = ResponseOf<'/api/v1/me/family', 'get'>
export type FamilyMember = FamilyRecord['members'][number]

/**
 * GET /api/v1/me/family?date=: the caller's family as composed on `date` (YYYY-MM-DD).
 * Residents only: the others get 403 `not_resident`.
 */
export function useFamily(date: string) {
  const { user } = useSession()
  // The registry's vocabulary (relationship, civil status) comes in the reader's language.
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: [...registryKey(user?.id), 'family', date, i18n.language],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/me/family', { params: { query: { date } }, signal })),
    enabled: user !== null,
    // Registry data change at the office; a visit reads them again.
    staleTime: 0,
  })
}
