import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/lib/format'
import type { AccessLogEntry } from '../api/useAccessLog'

interface AccessLogTableProps {
  entries: AccessLogEntry[]
  caption: string
}

/** One row per consultation: when, what, who, why, and the certificate issued if any. */
export function AccessLogTable({ entries, caption }: AccessLogTableProps) {
  const { t, i18n } = useTranslation()
  const none = '—'
  return (
    <div className="table-responsive">
      <table className="table access-log-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accessLog.columns.at')}</th>
            <th scope="col">{t('accessLog.columns.action')}</th>
            <th scope="col">{t('accessLog.columns.actor')}</th>
            <th scope="col">{t('accessLog.columns.reason')}</th>
            <th scope="col">{t('accessLog.columns.certificate')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.at}-${entry.action}-${index}`}>
              <th scope="row" className="text-nowrap">
                {formatDateTime(entry.at, i18n.language)}
              </th>
              <td>{entry.action_label}</td>
              <td>
                {entry.actor_label}
                <br />
                <small>{t(`accessLog.actorKinds.${entry.actor_kind}`, { defaultValue: '' })}</small>
              </td>
              <td>{entry.reason ?? none}</td>
              <td className="font-monospace text-nowrap">{entry.certificate_id ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
