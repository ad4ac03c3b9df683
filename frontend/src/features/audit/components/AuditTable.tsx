import { useTranslation } from 'react-i18next'
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
    <div className="table-responsive">
      <table className="table admin-table audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.columns.id')}</th>
            <th scope="col">{t('admin.audit.columns.time')}</th>
            <th scope="col">{t('admin.audit.columns.actor')}</th>
            <th scope="col">{t('admin.audit.columns.action')}</th>
            <th scope="col">{t('admin.audit.columns.subject')}</th>
            <th scope="col">{t('admin.audit.columns.reason')}</th>
            <th scope="col">{t('admin.audit.columns.ip')}</th>
            <th scope="col">{t('admin.audit.columns.requestId')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.id}</td>
              <th scope="row" className="text-nowrap">
                {formatTimestamp(entry.occurred_at, i18n.language)}
              </th>
              <td>{entry.actor_label}</td>
              <td>{actionLabel(actions, entry.action, i18n.language)}</td>
              <td>
                {entry.subject_type ? (
                  <>
                    {t(`admin.audit.subjectTypes.${entry.subject_type}`, {
                      defaultValue: entry.subject_type,
                    })}
                    <br />
                    <span className="identifier">{entry.subject_id}</span>
                  </>
                ) : (
                  none
                )}
              </td>
              <td>{entry.reason ?? none}</td>
              <td className="identifier text-nowrap">{entry.ip ?? none}</td>
              <td className="identifier">{entry.request_id ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
