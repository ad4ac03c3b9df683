import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { webhooksKey } from './keys'

/**
 * POST /api/v1/admin/webhooks/{id}/retry: the failed deliveries are due again, with fresh
 * attempts; answers how many. 409 when the webhook is disabled.
 */
export function useRetryWebhook() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(api.POST('/api/v1/admin/webhooks/{id}/retry', { params: { path: { id } } })))
        .queued,
    // The counts and the deliveries shown change: read them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(user?.id) }),
  })
}
