import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import type { AccessLogEntry } from '../api/useAccessLog'

interface AccessLogTableProps {
  entries: AccessLogEntry[]
  caption: string
}

/** One row per consultation: when, what, who, why, and the certificate issued if any. */
export function AccessLogTable({ entries, caption }: AccessLogTableProps) {
  const { t } = useTranslation()
  const none = '—'
  return (
    <DataTable
      caption={caption}
      className="access-log-table"
      stackBelow="medium"
      rows={entries}
      rowKey={(entry, index) => `${entry.at}-${entry.action}-${index}`}
      columns={[
        {
          key: 'at',
          header: t('accessLog.columns.at'),
          rowHeader: true,
          cell: (entry) => <DateTimeText utc={entry.at} />,
        },
        {
          key: 'action',
          header: t('accessLog.columns.action'),
          cell: (entry) => entry.action_label,
        },
        {
          key: 'actor',
          header: t('accessLog.columns.actor'),
          cell: (entry) => (
            <>
              {entry.actor_label}
              <br />
              <small>{t(`accessLog.actorKinds.${entry.actor_kind}`, { defaultValue: '' })}</small>
            </>
          ),
        },
        {
          key: 'reason',
          header: t('accessLog.columns.reason'),
          cell: (entry) => entry.reason ?? none,
        },
        {
          key: 'certificate',
          header: t('accessLog.columns.certificate'),
          className: 'identifier text-nowrap',
          cell: (entry) => entry.certificate_id ?? none,
        },
      ]}
    />
  )
}
