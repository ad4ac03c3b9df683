import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { clientsKey } from './keys'
import type { Client } from './types'

/**
 * POST /api/v1/admin/clients/{id}/revoke: the application's secret and tokens stop working
 * at once; it stays listed, as the audit log names it. 409 when it was revoked already.
 */
export function useRevokeClient() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(
        api.POST('/api/v1/admin/clients/{id}/revoke', { params: { path: { id } } }),
      )) as Client,
    // Also after a 409: the list then shows the application revoked (by someone else).
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(user?.id) }),
  })
}
