import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { clientsKey } from './keys'

/** GET /api/v1/admin/clients: every registered application, the newest first. */
export function useClients() {
  const { user } = useSession()
  return useQuery({
    queryKey: clientsKey(user?.id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/admin/clients', { signal }))).items,
    enabled: user !== null,
  })
}
