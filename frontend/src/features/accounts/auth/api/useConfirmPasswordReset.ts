import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type PasswordResetConfirm = RequestOf<'/api/v1/auth/password-reset/confirm', 'post'>

/** POST /api/v1/auth/password-reset/confirm: the e-mailed token and the new password (204). */
export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (confirm: PasswordResetConfirm) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: confirm })),
  })
}
