import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { clientsKey } from './keys'
import type { Client } from './types'

/**
 * POST /api/v1/admin/clients/{id}/keys: new public keys for an application that signs its
 * own assertions (private_key_jwt); the old keys and every token issued with them stop
 * working. 422 for keys that are not acceptable, 409 for an application with a secret.
 */
export function useReplaceClientKeys() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async ({ id, keys }: { id: string; keys: Record<string, unknown> }) =>
      (await unwrap(
        api.POST('/api/v1/admin/clients/{id}/keys', {
          params: { path: { id } },
          body: { public_jwks: keys },
        }),
      )) as Client,
    onSettled: () => queryClient.invalidateQueries({ queryKey: clientsKey(user?.id) }),
  })
}
