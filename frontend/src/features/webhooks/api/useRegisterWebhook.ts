import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { webhooksKey } from './keys'
import type { NewWebhook, WebhookCredentials } from './types'

/**
 * POST /api/v1/admin/webhooks: registers an address for an application's events; the answer
 * carries the signing secret, this once. A 422 names the wrong fields (client_id, url,
 * events).
 */
export function useRegisterWebhook() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (input: NewWebhook) =>
      (await unwrap(api.POST('/api/v1/admin/webhooks', { body: input }))) as WebhookCredentials,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey(user?.id) }),
  })
}
