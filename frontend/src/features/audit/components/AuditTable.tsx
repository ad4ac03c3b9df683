import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { formatTimestamp } from '@/lib/format'
import { actionLabel, type AuditAction } from '../api/useAuditActions'
import type { AuditLogEntry } from '../api/useAuditLog'

interface AuditTableProps {
  entries: AuditLogEntry[]
  actions: AuditAction[] | undefined
  caption: string
}

/** The entries of one page, newest first, each with the facts the log records. */
export function AuditTable({ entries, actions, caption }: AuditTableProps) {
  const { t, i18n } = useTranslation()
  const none = '—'
  return (
    <DataTable
      caption={caption}
      className="admin-table audit-table"
      stackBelow="wide"
      rows={entries}
      rowKey={(entry) => String(entry.id)}
      columns={[
        {
          key: 'id',
          header: t('admin.audit.columns.id'),
          cell: (entry) => entry.id,
        },
        {
          key: 'time',
          header: t('admin.audit.columns.time'),
          rowHeader: true,
          cell: (entry) => formatTimestamp(entry.occurred_at, i18n.language),
        },
        {
          key: 'actor',
          header: t('admin.audit.columns.actor'),
          cell: (entry) => entry.actor_label,
        },
        {
          key: 'action',
          header: t('admin.audit.columns.action'),
          cell: (entry) => actionLabel(actions, entry.action, i18n.language),
        },
        {
          key: 'subject',
          header: t('admin.audit.columns.subject'),
          cell: (entry) =>
            entry.subject_type ? (
              <>
                {t(`admin.audit.subjectTypes.${entry.subject_type}`, {
                  defaultValue: entry.subject_type,
                })}
                <br />
                <span className="identifier">{entry.subject_id}</span>
              </>
            ) : (
              none
            ),
        },
        {
          key: 'reason',
          header: t('admin.audit.columns.reason'),
          cell: (entry) => entry.reason ?? none,
        },
        {
          key: 'ip',
          header: t('admin.audit.columns.ip'),
          className: 'identifier text-nowrap',
          cell: (entry) => entry.ip ?? none,
        },
        {
          key: 'requestId',
          header: t('admin.audit.columns.requestId'),
          className: 'identifier',
          cell: (entry) => entry.request_id ?? none,
        },
      ]}
    />
  )
}
