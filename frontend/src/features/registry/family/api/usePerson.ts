import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { registryKey } from './keys'

export type PersonRecord = ResponseOf<'/api/v1/persons/{person_id}', 'get'>

/**
 * GET /api/v1/persons/{person_id}: the full registry position of a member of the caller's
 * family. Anyone else answers 404, whether the person exists or not.
 */
export function usePerson(personId: string) {
  const { user } = useSession()
  // The registry's vocabulary (relationship, civil status) comes in the reader's language.
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: [...registryKey(user?.id), 'person', personId, i18n.language],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/persons/{person_id}', {
          params: { path: { person_id: personId } },
          signal,
        }),
      ),
    enabled: user !== null && personId !== '',
    staleTime: 0,
  })
}
