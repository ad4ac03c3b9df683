import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'

export type SubjectPerson = ResponseOf<'/api/v1/persons/{person_id}', 'get'>

/**
 * GET /api/v1/persons/{person_id}: who a certificate for oneself or a family member is
 * about. Not asked for a third person, whom the caller may not read (404).
 */
export function useSubjectPerson(personId: string, enabled: boolean) {
  const { user } = useSession()
  return useQuery({
    queryKey: ['session', user?.id, 'registry', 'person', personId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/persons/{person_id}', {
          params: { path: { person_id: personId } },
          signal,
        }),
      ),
    enabled: enabled && user !== null && personId !== '',
    staleTime: 0,
  })
}
