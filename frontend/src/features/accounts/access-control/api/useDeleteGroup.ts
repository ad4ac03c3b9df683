import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

/** DELETE /api/v1/admin/groups/{id}: only groups that are not built in; members leave it. */
export function useDeleteGroup() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/admin/groups/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessControlKey(user?.id) }),
  })
}
