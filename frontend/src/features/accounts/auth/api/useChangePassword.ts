import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { session } from '@/lib/session'

export type ChangePasswordRequest = RequestOf<'/api/v1/auth/password', 'post'>

/**
 * POST /api/v1/auth/password. The server ends every other session of the account and
 * answers with a new one, which replaces the current session.
 */
export function useChangePassword() {
  return useMutation({
    mutationFn: (change: ChangePasswordRequest) =>
      unwrap(api.POST('/api/v1/auth/password', { body: change })),
    onSuccess: (issued) => {
      session.start(issued)
    },
  })
}
