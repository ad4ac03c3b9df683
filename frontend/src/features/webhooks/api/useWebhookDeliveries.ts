import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { deliveriesKey } from './keys'

/** GET /api/v1/admin/webhooks/{id}/deliveries: the latest 50, the newest first. */
export function useWebhookDeliveries(id: string) {
  const { user } = useSession()
  return useQuery({
    queryKey: deliveriesKey(user?.id, id),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/v1/admin/webhooks/{id}/deliveries', { params: { path: { id } }, signal }),
        )
      ).items,
    enabled: user !== null,
  })
}
