import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import type { components } from '@/lib/api/schema'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { outboxKey } from './keys'

export type OutboxPage = ResponseOf<'/api/v1/admin/mail-outbox', 'get'>
export type OutboxEntry = OutboxPage['items'][number]
export type MailStatus = components['schemas']['MailStatus']
export const MAIL_STATUSES: readonly MailStatus[] = ['pending', 'sent', 'failed']
export const PER_PAGE = 50

/** GET /api/v1/admin/mail-outbox: one page of mails, newest first, optionally of one status. */
export function useOutbox(status: MailStatus | null, page: number) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...outboxKey(user?.id), status, page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/mail-outbox', {
          params: { query: { status: status ?? undefined, page, per_page: PER_PAGE } },
          signal,
        }),
      ),
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
