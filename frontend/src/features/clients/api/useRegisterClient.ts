import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { clientsKey } from './keys'
import type { ClientCredentials, NewClient } from './types'

/**
 * POST /api/v1/admin/clients: registers an application; the answer carries its secret,
 * this once. A 422 names the wrong fields.
 */
export function useRegisterClient() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: async (input: NewClient) =>
      (await unwrap(api.POST('/api/v1/admin/clients', { body: input }))) as ClientCredentials,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey(user?.id) }),
  })
}
