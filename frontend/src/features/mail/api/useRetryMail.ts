import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { outboxKey } from './keys'

/** POST /api/v1/admin/mail-outbox/{id}/retry: a failed mail goes back in the queue. */
export function useRetryMail() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/mail-outbox/{id}/retry', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: outboxKey(user?.id) }),
  })
}
