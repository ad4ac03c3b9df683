import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
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
    <DataTable
      caption={caption}
      className="admin-table"
      stackBelow="wide"
      rows={mails}
      rowKey={(mail) => mail.id}
      columns={[
        {
          key: 'subject',
          header: t('admin.mail.columns.subject'),
          rowHeader: true,
          cell: (mail) => (
            <>
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
            </>
          ),
        },
        {
          key: 'recipients',
          header: t('admin.mail.columns.recipients'),
          className: 'identifier',
          cell: (mail) => (
            <>
              {mail.recipients.join(', ')}
              {mail.cc.length > 0 ? (
                <>
                  <br />
                  {t('admin.mail.cc', { addresses: mail.cc.join(', ') })}
                </>
              ) : null}
            </>
          ),
        },
        {
          key: 'createdAt',
          header: t('admin.mail.columns.createdAt'),
          cell: (mail) => when(mail.created_at),
        },
        {
          key: 'status',
          header: t('admin.mail.columns.status'),
          cell: (mail) => (
            <span className={`badge ${BADGES[mail.status]}`}>
              {t(`admin.mail.statuses.${mail.status}`)}
            </span>
          ),
        },
        {
          key: 'attempts',
          header: t('admin.mail.columns.attempts'),
          cell: (mail) => mail.attempts,
        },
        {
          key: 'nextOrSent',
          header: t('admin.mail.columns.nextOrSent'),
          cell: (mail) =>
            mail.status === 'sent'
              ? t('admin.mail.sentAt', { when: when(mail.sent_at) })
              : mail.status === 'pending'
                ? t('admin.mail.nextAttempt', { when: when(mail.next_attempt_at) })
                : '—',
        },
        {
          key: 'lastError',
          header: t('admin.mail.columns.lastError'),
          cell: (mail) => mail.last_error ?? '—',
        },
        onRetry !== null && {
          key: 'action',
          header: t('admin.mail.columns.action'),
          actions: true,
          cell: (mail) =>
            mail.status === 'failed' ? (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                disabled={retryingId === mail.id}
                onClick={() => onRetry(mail)}
              >
                {retryingId === mail.id ? t('admin.mail.retrying') : t('admin.mail.retry')}{' '}
                <span className="visually-hidden">{mail.subject}</span>
              </button>
            ) : null,
        },
      ]}
    />
  )
}
