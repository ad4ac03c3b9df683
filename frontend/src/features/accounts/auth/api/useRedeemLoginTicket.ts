import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { session } from '@/lib/session'

/**
 * POST /api/v1/auth/oidc/session: turns the one-time ticket of a SPID/CIE login into a
 * session. The answer is the password login's, and the session starts exactly as after it
 * (access token in memory, refresh token as an HttpOnly cookie).
 */
export function useRedeemLoginTicket() {
  return useMutation({
    mutationFn: (ticket: string) =>
      unwrap(api.POST('/api/v1/auth/oidc/session', { body: { ticket } })),
    onSuccess: (issued) => {
      session.start(issued)
    },
  })
}
