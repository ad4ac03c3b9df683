import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type LockChange = 'lock' | 'unlock'

/**
 * POST /api/v1/admin/users/{id}/lock or …/unlock. Locking also ends the account's
 * sessions; the answer is the account as it now is.
 */
export function useChangeUserLock() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: LockChange }) => {
      const params = { params: { path: { id } } }
      return unwrap(
        change === 'lock'
          ? api.POST('/api/v1/admin/users/{id}/lock', params)
          : api.POST('/api/v1/admin/users/{id}/unlock', params),
      )
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessControlKey(user?.id) }),
  })
}
