import { useTranslation } from 'react-i18next'

/** The colour says at a glance what the word says to everyone. */
const COLOURS: Record<string, string> = {
  active: 'bg-success',
  locked: 'bg-danger',
  pending_identification: 'bg-warning',
  rejected: 'bg-secondary',
}

/** An account's status as a Bootstrap Italia badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <span className={`badge ${COLOURS[status] ?? 'bg-secondary'}`}>
      {t(`admin.users.statuses.${status}`, { defaultValue: status })}
    </span>
  )
}
