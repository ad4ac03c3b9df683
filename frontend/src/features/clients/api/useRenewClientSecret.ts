import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { clientsKey } from './keys'
import type { ClientCredentials } from './types'

/**
 * POST /api/v1/admin/clients/{id}/secret: a new secret, answered once; the old one and
 * every token issued with it stop working. 409 when the application is revoked.
 */
export function useRenewClientSecret() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (id: string) =>
      (await unwrap(
        api.POST('/api/v1/admin/clients/{id}/secret', { params: { path: { id } } }),
      )) as ClientCredentials,
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(user?.id) }),
  })
}
