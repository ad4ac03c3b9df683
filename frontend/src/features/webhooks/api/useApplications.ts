import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { applicationsKey } from './keys'

/**
 * GET /api/v1/admin/clients: the registered applications, for their names in the list and
 * for the choice (and the scopes) in the form.
 */
export function useApplications() {
  const { user } = useSession()
  return useQuery({
    queryKey: applicationsKey(user?.id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/admin/clients', { signal }))).items,
    enabled: user !== null,
  })
}
