import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'

export type AccountList = ResponseOf<'/api/v1/admin/accounts', 'get'>
export type Account = AccountList['accounts'][number]
export const ACCOUNT_STATUSES = ['pending_identification', 'active', 'rejected', 'locked'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]

/** The prefix of every account list of the signed-in operator (refreshed after a change). */
export function accountsKey(userId: string | undefined) {
  return ['session', userId, 'admin-accounts'] as const
}

/** GET /api/v1/admin/accounts: accounts in a status, optionally by codice fiscale or surname. */
export function useAccounts(status: AccountStatus, q: string) {
  const { i18n } = useTranslation()
  const { user } = useSession()
  return useQuery({
    queryKey: [...accountsKey(user?.id), status, q, i18n.language],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/accounts', {
          params: { query: { status, q: q === '' ? undefined : q } },
          signal,
        }),
      ),
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
