import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { Pagination } from '@/components/Pagination'
import { ProblemAlert } from '@/components/ProblemAlert'
import { hasPermission, PERMISSIONS, useSession } from '@/lib/session'
import { MAIL_STATUSES, type MailStatus, PER_PAGE, useOutbox } from '../api/useOutbox'
import { useRetryMail } from '../api/useRetryMail'
import { OutboxTable } from '../components/OutboxTable'

/** The status filter as it appears in the address (`?stato=non-riusciti`). */
const STATUS_PARAMS: Record<string, MailStatus> = {
  'in-attesa': 'pending',
  inviati: 'sent',
  'non-riusciti': 'failed',
}
const PARAM_OF: Record<MailStatus, string> = {
  pending: 'in-attesa',
  sent: 'inviati',
  failed: 'non-riusciti',
}

function search(status: MailStatus | null, page = 1) {
  const params = new URLSearchParams()
  if (status) params.set('stato', PARAM_OF[status])
  if (page > 1) params.set('pagina', String(page))
  const text = params.toString()
  return { search: text ? `?${text}` : '' }
}

/**
 * /backoffice/posta — the outgoing mail: what waits, what went out, what failed and why;
 * failed mails go back in the queue for those with `mail.manage`.
 */
export function MailOutboxPage() {
  const { t } = useTranslation()
  const { user } = useSession()
  const [params] = useSearchParams()
  const status = STATUS_PARAMS[params.get('stato') ?? ''] ?? null
  const pageParam = Number(params.get('pagina'))
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1
  const outbox = useOutbox(status, page)
  const retry = useRetryMail()
  const [retried, setRetried] = useState<string | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const items = outbox.data?.items ?? []
  // The action column appears only where there is something to retry.
  const mayRetry =
    hasPermission(user, PERMISSIONS.manageMail) && items.some((mail) => mail.status === 'failed')

  const total = outbox.data?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE))
  const caption = outbox.data
    ? t(`admin.mail.count.${status ?? 'all'}`, { count: total }) +
      (pageCount > 1 ? ` ${t('admin.mail.pageOf', { page, pages: pageCount })}` : '')
    : ''

  return (
    <>
      <PageHeading title={t('admin.mail.title')} lead={t('admin.mail.lead')} />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {retried ? (
          <Notice color="success">{t('admin.mail.retried', { subject: retried })}</Notice>
        ) : null}
      </div>
      {retry.isError ? (
        <ProblemAlert error={retry.error} context={t('admin.mail.retryFailed')} />
      ) : null}
      <nav aria-label={t('admin.mail.statusNav')} className="mb-4">
        <ul className="nav nav-tabs status-tabs">
          {[null, ...MAIL_STATUSES].map((s) => (
            <li className="nav-item" key={s ?? 'all'}>
              <Link
                to={search(s)}
                className={`nav-link${s === status ? ' active' : ''}`}
                aria-current={s === status ? 'page' : undefined}
                onClick={() => setRetried(null)}
              >
                {t(`admin.mail.tabs.${s ?? 'all'}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {outbox.isError ? (
        <ProblemAlert error={outbox.error} context={t('admin.mail.loadFailed')} />
      ) : !outbox.data ? (
        <Loading label={t('admin.mail.loading')} />
      ) : items.length === 0 ? (
        <p role="status">{caption}</p>
      ) : (
        <>
          <OutboxTable
            mails={items}
            caption={caption}
            retryingId={retry.isPending ? (retry.variables ?? null) : null}
            onRetry={
              mayRetry
                ? (mail) => {
                    setRetried(null)
                    retry.mutate(mail.id, {
                      onSuccess: () => {
                        setRetried(mail.subject)
                        outcomeRef.current?.focus()
                      },
                    })
                  }
                : null
            }
          />
          <Pagination
            page={page}
            pageCount={pageCount}
            label={t('admin.mail.pages')}
            linkTo={(p) => search(status, p)}
          />
        </>
      )}
    </>
  )
}
