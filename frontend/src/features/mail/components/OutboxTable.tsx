import { useTranslation } from 'react-i18next'
import { formatTimestamp } from '@/lib/format'
import type { OutboxEntry } from '../api/useOutbox'

interface OutboxTableProps {
  mails: OutboxEntry[]
  caption: string
  /** Offered on failed mails to those who may retry them. */
  onRetry: ((mail: OutboxEntry) => void) | null
  retryingId: string | null
}

const BADGES: Record<OutboxEntry['status'], string> = {
  pending: 'bg-warning',
  sent: 'bg-success',
  failed: 'bg-danger',
}

/** The mails of one page: to whom, what, where they are, and why the last attempt failed. */
export function OutboxTable({ mails, caption, onRetry, retryingId }: OutboxTableProps) {
  const { t, i18n } = useTranslation()
  const when = (utc: string | null | undefined) => (utc ? formatTimestamp(utc, i18n.language) : '—')
  return (
    <div className="table-responsive">
      <table className="table admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.mail.columns.subject')}</th>
            <th scope="col">{t('admin.mail.columns.recipients')}</th>
            <th scope="col">{t('admin.mail.columns.createdAt')}</th>
            <th scope="col">{t('admin.mail.columns.status')}</th>
            <th scope="col">{t('admin.mail.columns.attempts')}</th>
            <th scope="col">{t('admin.mail.columns.nextOrSent')}</th>
            <th scope="col">{t('admin.mail.columns.lastError')}</th>
            {onRetry ? <th scope="col">{t('admin.mail.columns.action')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {mails.map((mail) => (
            <tr key={mail.id}>
              <th scope="row">
                {mail.subject}
                {mail.attachments.length > 0 ? (
                  <>
                    <br />
                    <small>
                      {t('admin.mail.attachments', {
                        count: mail.attachments.length,
                        names: mail.attachments.map((a) => a.file_name).join(', '),
                      })}
                    </small>
                  </>
                ) : null}
              </th>
              <td className="identifier">
                {mail.recipients.join(', ')}
                {mail.cc.length > 0 ? (
                  <>
                    <br />
                    {t('admin.mail.cc', { addresses: mail.cc.join(', ') })}
                  </>
                ) : null}
              </td>
              <td className="text-nowrap">{when(mail.created_at)}</td>
              <td>
                <span className={`badge ${BADGES[mail.status]}`}>
                  {t(`admin.mail.statuses.${mail.status}`)}
                </span>
              </td>
              <td>{mail.attempts}</td>
              <td className="text-nowrap">
                {mail.status === 'sent'
                  ? t('admin.mail.sentAt', { when: when(mail.sent_at) })
                  : mail.status === 'pending'
                    ? t('admin.mail.nextAttempt', { when: when(mail.next_attempt_at) })
                    : '—'}
              </td>
              <td>{mail.last_error ?? '—'}</td>
              {onRetry ? (
                <td>
                  {mail.status === 'failed' ? (
                    <button
                      type="button"
                      className="btn btn-outline-primary btn-sm"
                      disabled={retryingId === mail.id}
                      onClick={() => onRetry(mail)}
                    >
                      {retryingId === mail.id ? t('admin.mail.retrying') : t('admin.mail.retry')}{' '}
                      <span className="visually-hidden">{mail.subject}</span>
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
