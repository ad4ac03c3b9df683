import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type PermissionInfo = ResponseOf<'/api/v1/admin/permissions', 'get'>[number]

/** GET /api/v1/admin/permissions: every permission, named in the reader's language. */
export function usePermissions() {
  const { i18n } = useTranslation()
  const { user } = useSession()
  return useQuery({
    queryKey: [...accessControlKey(user?.id), 'permissions', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/permissions', { signal })),
    enabled: user !== null,
  })
}
