import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { formatDateTime } from '@/lib/format'
import { useGroups } from '../api/useGroups'
import { fullNameOf, type User } from '../api/useUsers'
import { StatusBadge } from './StatusBadge'
import { UserAccessActions } from './UserAccessActions'
import { UserGroupsForm } from './UserGroupsForm'
import { type UserOutcome, UserOutcomeRegion } from './UserOutcome'

interface UserPanelProps {
  user: User
  isSelf: boolean
  /** Where the audit log shows what was done to this account; absent without `audit.read`. */
  auditLogPath: string | null
  onChanged: (user: User) => void
  onClose: () => void
}

/** One account's record: who it is, its state and its groups, and what can be done to it. */
export function UserPanel({ user, isSelf, auditLogPath, onChanged, onClose }: UserPanelProps) {
  const { t, i18n } = useTranslation()
  const groups = useGroups()
  const [outcome, setOutcome] = useState<UserOutcome | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const name = fullNameOf(user)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  return (
    <section className="admin-panel p-4" aria-labelledby="user-panel-title">
      <h2 id="user-panel-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('admin.users.panelTitle', { name })}
      </h2>
      <UserOutcomeRegion ref={outcomeRef} outcome={outcome} />
      <dl className="admin-details">
        <dt>{user.fiscal_code ? t('admin.users.fiscalCode') : t('admin.users.username')}</dt>
        <dd className="font-monospace">{user.fiscal_code ?? user.username ?? '—'}</dd>
        <dt>{t('admin.users.role')}</dt>
        <dd>{t(`admin.users.roles.${user.role}`, { defaultValue: user.role })}</dd>
        <dt>{t('admin.users.status')}</dt>
        <dd>
          <StatusBadge status={user.status} />
        </dd>
        <dt>{t('admin.users.email')}</dt>
        <dd>{user.email ?? t('admin.users.none')}</dd>
        <dt>{t('admin.users.registeredAt')}</dt>
        <dd>{formatDateTime(user.created_at, i18n.language)}</dd>
        <dt>{t('admin.users.identifiedAt')}</dt>
        <dd>
          {user.identified_at
            ? formatDateTime(user.identified_at, i18n.language)
            : t('admin.users.notIdentified')}
        </dd>
      </dl>
      <UserAccessActions user={user} isSelf={isSelf} onChanged={onChanged} onOutcome={setOutcome} />
      {groups.isError ? (
        <ProblemAlert error={groups.error} context={t('admin.groups.loadFailed')} />
      ) : groups.data ? (
        <UserGroupsForm
          user={user}
          groups={groups.data}
          onChanged={onChanged}
          onOutcome={setOutcome}
        />
      ) : (
        <Loading label={t('admin.groups.loading')} />
      )}
      <div className="d-flex flex-wrap align-items-center gap-3">
        {auditLogPath ? <Link to={auditLogPath}>{t('admin.users.auditLogLink')}</Link> : null}
        <button type="button" className="btn btn-link px-0" onClick={onClose}>
          {t('admin.users.close')}
        </button>
      </div>
    </section>
  )
}
