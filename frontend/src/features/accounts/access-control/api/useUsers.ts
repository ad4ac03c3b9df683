import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { accessControlKey } from './keys'

export type User = ResponseOf<'/api/v1/admin/users', 'get'>[number]
/** The server answers at most this many accounts, by surname. */
export const USER_LIMIT = 200
export const ROLES = ['citizen', 'operator', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const USER_STATUSES = ['active', 'locked', 'pending_identification', 'rejected'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

/** "Surname Name", as the counter and the registry write it. */
export function fullNameOf(user: Pick<User, 'surname' | 'name'>) {
  return `${user.surname} ${user.name}`.trim()
}

export interface UserFilter {
  /** Beginning of codice fiscale, user name or surname. */
  q: string
  role: Role | null
  status: UserStatus | null
}

/** GET /api/v1/admin/users: accounts by text, role and status. */
export function useUsers(filter: UserFilter) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...accessControlKey(user?.id), 'users', filter],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/users', {
          params: {
            query: {
              q: filter.q === '' ? undefined : filter.q,
              role: filter.role ?? undefined,
              status: filter.status ?? undefined,
            },
          },
          signal,
        }),
      ),
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
