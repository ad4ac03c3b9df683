import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { auditLogKey } from './keys'

export type AuditAction = ResponseOf<'/api/v1/admin/audit-log/actions', 'get'>['actions'][number]

/** GET /api/v1/admin/audit-log/actions: the kinds of action recorded, named in both languages. */
export function useAuditActions() {
  const { user } = useSession()
  return useQuery({
    queryKey: [...auditLogKey(user?.id), 'actions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/audit-log/actions', { signal })),
    enabled: user !== null,
    // The catalogue belongs to the release: it changes only with a new version.
    staleTime: Infinity,
  })
}

/** The action's name in the reader's language; its code when the catalogue lacks it. */
export function actionLabel(actions: AuditAction[] | undefined, code: string, language: string) {
  const action = actions?.find((a) => a.code === code)
  if (!action) return code
  return language === 'en' ? action.label_en : action.label_it
}
