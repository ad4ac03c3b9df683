import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type PasswordResetRequest = RequestOf<'/api/v1/auth/password-reset', 'post'>

/**
 * POST /api/v1/auth/password-reset: asks for a link by e-mail. The answer is the same
 * whether or not the data match an account (202 with a message).
 */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (request: PasswordResetRequest) =>
      unwrap(api.POST('/api/v1/auth/password-reset', { body: request })),
  })
}
