import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { auditLogKey } from './keys'

export type ChainVerdict = ResponseOf<'/api/v1/admin/audit-log/verify', 'get'>

/**
 * GET /api/v1/admin/audit-log/verify: recomputes the whole hash chain. A mutation, not a
 * query: it runs when asked, and the verification is itself recorded in the log, which
 * is therefore read again.
 */
export function useVerifyChain() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/admin/audit-log/verify')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditLogKey(user?.id) }),
  })
}
