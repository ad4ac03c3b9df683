import { useMutation } from '@tanstack/react-query'
import { session } from '@/lib/session'

/**
 * POST /api/v1/auth/logout (through the session, which then forgets the token and tells
 * the other tabs). It cannot fail for the user: the session ends here in any case.
 */
export function useLogout() {
  return useMutation({ mutationFn: () => session.logout() })
}
