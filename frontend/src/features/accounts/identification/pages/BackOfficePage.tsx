import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { type Account, type AccountStatus, useAccounts } from '../api/useAccounts'
import { AccountSearch } from '../components/AccountSearch'
import { AccountTable } from '../components/AccountTable'
import { type IdentificationOutcome, IdentificationPanel } from '../components/IdentificationPanel'

/** The status filter as it appears in the address (`?stato=attivi`). */
const STATUS_PARAMS: Record<string, AccountStatus> = {
  'in-attesa': 'pending_identification',
  attivi: 'active',
  respinti: 'rejected',
  bloccati: 'locked',
}
const PARAM_OF: Record<AccountStatus, string> = {
  pending_identification: 'in-attesa',
  active: 'attivi',
  rejected: 'respinti',
  locked: 'bloccati',
}

/**
 * /backoffice — counter identification (seed 001 §2): the operator finds a pending account
 * by codice fiscale or surname, checks the identity document, and activates the account or
 * rejects the request. The other tabs list active, rejected and locked accounts.
 */
export function BackOfficePage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const status: AccountStatus = STATUS_PARAMS[params.get('stato') ?? ''] ?? 'pending_identification'
  const q = params.get('q') ?? ''
  const [selected, setSelected] = useState<Account | null>(null)
  const [outcome, setOutcome] = useState<IdentificationOutcome | null>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const accounts = useAccounts(status, q)

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus()
  }, [outcome])

  const list = accounts.data?.accounts ?? []
  // The panel closes when the account leaves the list (changed elsewhere, other filter).
  const open = selected && list.some((a) => a.id === selected.id) ? selected : null

  const close = () => {
    const id = open?.id
    setSelected(null)
    if (id) requestAnimationFrame(() => document.getElementById(`identify-${id}`)?.focus())
  }

  const statusLink = (s: AccountStatus) => {
    const next = new URLSearchParams()
    if (s !== 'pending_identification') next.set('stato', PARAM_OF[s])
    if (q) next.set('q', q)
    const search = next.toString()
    return { search: search ? `?${search}` : '' }
  }

  const caption = accounts.data
    ? t(`backoffice.count.${status}`, { count: list.length }) +
      (q ? ` ${t('backoffice.countFor', { q })}` : '')
    : ''

  return (
    <>
      <PageHeading title={t('backoffice.title')} lead={t('backoffice.lead')} />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {outcome ? (
          <Notice color="success">
            <p className="mb-0">
              {t(
                outcome.kind === 'activated'
                  ? 'backoffice.activatedMessage'
                  : 'backoffice.rejectedMessage',
                {
                  name: `${outcome.account.surname} ${outcome.account.name}`,
                  code: outcome.account.fiscal_code ?? '',
                },
              )}
            </p>
            {outcome.kind === 'activated' && outcome.account.email ? (
              <p className="mb-0 mt-1">
                {t('backoffice.activationMailed', { email: outcome.account.email })}
              </p>
            ) : null}
          </Notice>
        ) : null}
      </div>
      <nav aria-label={t('backoffice.statusNav')} className="mb-4">
        <ul className="nav nav-tabs status-tabs">
          {(['pending_identification', 'active', 'rejected', 'locked'] as const).map((s) => (
            <li className="nav-item" key={s}>
              <Link
                to={statusLink(s)}
                className={`nav-link${s === status ? ' active' : ''}`}
                aria-current={s === status ? 'page' : undefined}
                onClick={() => {
                  setSelected(null)
                  setOutcome(null)
                }}
              >
                {t(`backoffice.status.${s}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AccountSearch
        key={q}
        query={q}
        onSearch={(value) => {
          const next = new URLSearchParams(params)
          if (value) next.set('q', value)
          else next.delete('q')
          setSelected(null)
          setParams(next)
        }}
      />
      {accounts.isError ? (
        <ProblemAlert error={accounts.error} context={t('backoffice.loadFailed')} />
      ) : !accounts.data ? (
        <Loading label={t('backoffice.loading')} />
      ) : (
        <div className="row gy-4">
          {/* The panel goes under the list, not beside it: beside it, the back office's
              column leaves the table too narrow for its "Identifica" buttons. */}
          <div className="col-12">
            {list.length === 0 ? (
              <p className="account-empty" role="status">
                {caption}
              </p>
            ) : (
              <AccountTable
                accounts={list}
                status={status}
                caption={caption}
                selectedId={open?.id ?? null}
                onSelect={(account) => {
                  setOutcome(null)
                  setSelected(account)
                }}
              />
            )}
          </div>
          {open ? (
            <div className="col-12 col-xl-9">
              <IdentificationPanel
                key={open.id}
                account={open}
                onClose={close}
                onDone={(result) => {
                  setSelected(null)
                  setOutcome(result)
                }}
              />
            </div>
          ) : null}
        </div>
      )}
    </>
  )
}
