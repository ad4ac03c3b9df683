import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

/**
 * POST /api/v1/admin/users/{id}/reset-password: a temporary password, answered once and
 * never again; the account's sessions end and the password must be changed at the next login.
 */
export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/admin/users/{id}/reset-password', { params: { path: { id } } })),
  })
}
