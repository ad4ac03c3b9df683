import { useMutation } from '@tanstack/react-query'
import { api, type RequestOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { session } from '@/lib/session'

export type LoginRequest = RequestOf<'/api/v1/auth/login', 'post'>

/**
 * POST /api/v1/auth/login. On success the session starts: the access token stays in
 * memory, the refresh token arrives as an HttpOnly cookie (the copy in the body is ignored).
 */
export function useLogin() {
  return useMutation({
    mutationFn: (credentials: LoginRequest) =>
      unwrap(api.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: (issued) => {
      session.start(issued)
    },
  })
}
