import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accountsKey } from './useAccounts'

export type IdentityDocument = RequestOf<'/api/v1/admin/accounts/{id}/activate', 'post'>

/** POST /api/v1/admin/accounts/{id}/activate with the identity document shown at the counter. */
export function useActivateAccount() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: IdentityDocument }) =>
      unwrap(
        api.POST('/api/v1/admin/accounts/{id}/activate', {
          params: { path: { id } },
          body: document,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKey(user?.id) }),
  })
}
