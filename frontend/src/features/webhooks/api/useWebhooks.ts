import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { webhooksKey } from './keys'

/** GET /api/v1/admin/webhooks: every webhook, the newest first, with how its deliveries go. */
export function useWebhooks() {
  const { user } = useSession()
  return useQuery({
    queryKey: webhooksKey(user?.id),
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/admin/webhooks', { signal }))).items,
    enabled: user !== null,
  })
}
