import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

/**
 * PUT /api/v1/admin/users/{id}/groups: the account's groups, all of them. The person gets
 * the new permissions at the next renewal of the session (within 15 minutes).
 */
export function useSetUserGroups() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ id, groupIds }: { id: string; groupIds: string[] }) =>
      unwrap(
        api.PUT('/api/v1/admin/users/{id}/groups', {
          params: { path: { id } },
          body: { group_ids: groupIds },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessControlKey(user?.id) }),
  })
}
