import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { session } from '@/lib/session'

/**
 * POST /api/v1/auth/smartcard. No body: the card is the TLS client certificate the browser
 * presented when it opened the connection. On success the session starts exactly as after a
 * password login (access token in memory, refresh token as an HttpOnly cookie).
 */
export function useSmartCardLogin() {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/smartcard')),
    onSuccess: (issued) => {
      session.start(issued)
    },
  })
}
