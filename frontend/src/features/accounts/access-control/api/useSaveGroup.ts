import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type GroupInput = RequestOf<'/api/v1/admin/groups', 'post'>

/** POST /api/v1/admin/groups for a new group, PATCH /api/v1/admin/groups/{id} for a change. */
export function useSaveGroup() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: GroupInput }) =>
      unwrap(
        id === null
          ? api.POST('/api/v1/admin/groups', { body: input })
          : api.PATCH('/api/v1/admin/groups/{id}', { params: { path: { id } }, body: input }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessControlKey(user?.id) }),
  })
}
