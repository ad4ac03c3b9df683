import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accountsKey } from './useAccounts'

/** POST /api/v1/admin/accounts/{id}/reject: the person could not be identified. */
export function useRejectAccount() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/accounts/{id}/reject', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountsKey(user?.id) }),
  })
}
