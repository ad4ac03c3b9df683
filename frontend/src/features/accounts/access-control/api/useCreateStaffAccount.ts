import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type StaffAccountInput = RequestOf<'/api/v1/admin/users', 'post'>

/**
 * POST /api/v1/admin/users: an operator or administrator account; the person receives by
 * e-mail a single-use link, valid 72 hours, to choose the password.
 */
export function useCreateStaffAccount() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: (input: StaffAccountInput) =>
      unwrap(api.POST('/api/v1/admin/users', { body: input })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accessControlKey(user?.id) }),
  })
}
