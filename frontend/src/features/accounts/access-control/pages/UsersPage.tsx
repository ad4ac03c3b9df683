import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { hasPermission, PERMISSIONS, useSession } from '@/lib/session'
import { useGroups } from '../api/useGroups'
import {
  type Role,
  type User,
  type UserFilter,
  type UserStatus,
  USER_LIMIT,
  useUsers,
} from '../api/useUsers'
import { StaffAccountForm } from '../components/StaffAccountForm'
import { UserPanel } from '../components/UserPanel'
import { UserSearch } from '../components/UserSearch'
import { UserTable } from '../components/UserTable'

/** The filters as they appear in the address (`?ruolo=operatori&stato=bloccati`). */
const ROLE_PARAMS: Record<string, Role> = {
  cittadini: 'citizen',
  operatori: 'operator',
  amministratori: 'admin',
}
const STATUS_PARAMS: Record<string, UserStatus> = {
  attivi: 'active',
  bloccati: 'locked',
  'in-attesa': 'pending_identification',
  respinti: 'rejected',
}
const paramOf = <V extends string>(map: Record<string, V>, value: V) =>
  Object.keys(map).find((key) => map[key] === value) ?? ''

function filterFrom(params: URLSearchParams): UserFilter {
  return {
    q: params.get('q') ?? '',
    role: ROLE_PARAMS[params.get('ruolo') ?? ''] ?? null,
    status: STATUS_PARAMS[params.get('stato') ?? ''] ?? null,
  }
}

function paramsFrom(filter: UserFilter): URLSearchParams {
  const params = new URLSearchParams()
  if (filter.q) params.set('q', filter.q)
  if (filter.role) params.set('ruolo', paramOf(ROLE_PARAMS, filter.role))
  if (filter.status) params.set('stato', paramOf(STATUS_PARAMS, filter.status))
  return params
}

/**
 * /backoffice/utenti — user profiling (seed 001 "Profilazione utenti"): find an account,
 * open its record, lock or unlock it, give it a temporary password, choose its groups;
 * create an operator's or administrator's account, who is invited by e-mail.
 */
export function UsersPage() {
  const { t } = useTranslation()
  const { user: me } = useSession()
  const [params, setParams] = useSearchParams()
  const filter = filterFrom(params)
  const users = useUsers(filter)
  const groups = useGroups()
  const [selected, setSelected] = useState<User | null>(null)
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<User | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (created) outcomeRef.current?.focus()
  }, [created])

  const list = users.data ?? []
  // The list's copy is the newest; the panel keeps an account the filter no longer shows.
  const open = selected ? (list.find((u) => u.id === selected.id) ?? selected) : null
  const filtered = filter.q !== '' || filter.role !== null || filter.status !== null
  const caption = t(filtered ? 'admin.users.countFiltered' : 'admin.users.count', {
    count: list.length,
  })

  const close = () => {
    const id = open?.id
    setSelected(null)
    if (id) requestAnimationFrame(() => document.getElementById(`open-user-${id}`)?.focus())
  }

  return (
    <>
      <PageHeading title={t('admin.users.title')} lead={t('admin.users.lead')} />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {created ? (
          <Notice color="success">
            <p className="mb-2">
              {t('admin.users.create.done', {
                name: `${created.name} ${created.surname}`,
                username: created.username,
                email: created.email,
              })}
            </p>
            <p className="mb-0">{t('admin.users.create.doneNext')}</p>
          </Notice>
        ) : null}
      </div>
      {creating ? (
        <StaffAccountForm
          groups={groups.data ?? []}
          onCancel={() => {
            setCreating(false)
            requestAnimationFrame(() => document.getElementById('new-staff-account')?.focus())
          }}
          onCreated={(user) => {
            setCreating(false)
            setCreated(user)
            setSelected(user)
          }}
        />
      ) : (
        <button
          type="button"
          id="new-staff-account"
          className="btn btn-primary mb-4"
          onClick={() => {
            setCreated(null)
            setCreating(true)
          }}
        >
          {t('admin.users.create.open')}
        </button>
      )}
      <UserSearch
        key={params.toString()}
        filter={filter}
        onSearch={(next) => {
          setSelected(null)
          setParams(paramsFrom(next))
        }}
      />
      {users.isError ? (
        <ProblemAlert error={users.error} context={t('admin.users.loadFailed')} />
      ) : !users.data ? (
        <Loading label={t('admin.users.loading')} />
      ) : (
        <div className="row gy-4">
          <div className={open ? 'col-12 col-xxl-7' : 'col-12'}>
            {list.length === 0 ? (
              <p role="status">{caption}</p>
            ) : (
              <UserTable
                users={list}
                groups={groups.data}
                caption={caption}
                selectedId={open?.id ?? null}
                onSelect={setSelected}
              />
            )}
            {list.length >= USER_LIMIT ? (
              <p>{t('admin.users.limitNote', { count: USER_LIMIT })}</p>
            ) : null}
          </div>
          {open ? (
            <div className="col-12 col-xxl-5">
              <UserPanel
                key={open.id}
                user={open}
                isSelf={open.id === me?.id}
                auditLogPath={
                  hasPermission(me, PERMISSIONS.readAudit)
                    ? `/backoffice/registro-accessi?oggetto=${encodeURIComponent(open.id)}`
                    : null
                }
                onChanged={setSelected}
                onClose={close}
              />
            </div>
          ) : null}
        </div>
      )}
    </>
  )
}
