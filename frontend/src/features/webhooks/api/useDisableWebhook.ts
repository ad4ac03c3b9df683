import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { webhooksKey } from './keys'
import type { Webhook } from './types'

/**
 * POST /api/v1/admin/webhooks/{id}/disable: no more deliveries, not even the pending ones.
 * 409 (`webhook_disabled`) when it was disabled already.
 */
export function useDisableWebhook() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(
        api.POST('/api/v1/admin/webhooks/{id}/disable', { params: { path: { id } } }),
      )) as Webhook,
    // Also after a 409: the list then shows the webhook disabled (by someone else).
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey(user?.id) }),
  })
}
