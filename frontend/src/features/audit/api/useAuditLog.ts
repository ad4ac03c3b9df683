import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { apiQuery, type AuditFilter } from '../filters'
import { auditLogKey } from './keys'

export type AuditLogPage = ResponseOf<'/api/v1/admin/audit-log', 'get'>
export type AuditLogEntry = AuditLogPage['entries'][number]
export const PER_PAGE = 50

/** GET /api/v1/admin/audit-log: one page of the matching entries, newest first. */
export function useAuditLog(filter: AuditFilter, page: number) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...auditLogKey(user?.id), 'entries', filter, page],
    queryFn: async ({ signal }) => {
      const answer = await unwrap(
        api.GET('/api/v1/admin/audit-log', {
          params: { query: { ...apiQuery(filter), page, per_page: PER_PAGE, format: 'json' } },
          signal,
        }),
      )
      // The endpoint also speaks CSV, so its type allows text; asked for JSON, it answers JSON.
      if (typeof answer === 'string')
        throw new Error('the audit log answered text to a JSON request')
      return answer
    },
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
