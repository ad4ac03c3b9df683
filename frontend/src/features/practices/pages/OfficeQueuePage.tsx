import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { CheckboxField } from '@/components/CheckboxField'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { Pagination } from '@/components/Pagination'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import type { PracticeState, PracticeSummary } from '../api/types'
import { usePractices } from '../api/usePractices'
import { useDeadlineText } from '../components/PracticeFacts'
import '../practices.scss'

const PER_PAGE = 25

const STATES: readonly PracticeState[] = [
  'submitted',
  'in_progress',
  'integration_requested',
  'integrated',
  'registered',
  'approved',
  'rejected',
  'withdrawn',
]

function isOverdue(p: PracticeSummary) {
  return p.deadlines.registration_overdue || p.deadlines.decision_overdue
}

/** The search: protocol, codice fiscale or surname, and "solo scadute". */
function QueueSearch({
  q,
  overdue,
  onSearch,
}: {
  q: string
  overdue: boolean
  onSearch: (q: string, overdue: boolean) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState(q)
  const [late, setLate] = useState(overdue)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSearch(text.trim(), late)
  }
  return (
    <form
      role="search"
      aria-label={t('practices.office.searchLabel')}
      onSubmit={submit}
      className="practice-search mb-4"
    >
      <div className="row align-items-end">
        <div className="col-md-6">
          <TextField
            id="pratiche-ricerca"
            type="search"
            label={t('practices.office.search')}
            hint={t('practices.office.searchHint')}
            value={text}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="col-md-3 mb-3">
          <CheckboxField
            id="pratiche-scadute"
            label={t('practices.office.overdueOnly')}
            checked={late}
            onChange={(e) => setLate(e.target.checked)}
          />
        </div>
        <div className="col-md-3 mb-3">
          <Button color="primary" type="submit">
            {t('practices.office.searchButton')}
          </Button>
        </div>
      </div>
    </form>
  )
}

/**
 * /backoffice/pratiche — the office's queue: how many per state (each a filter), the search,
 * "solo scadute", and the practices with their deadlines, overdue ones said in words.
 */
export function OfficeQueuePage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const stateParam = params.get('stato')
  const state = STATES.includes(stateParam as PracticeState)
    ? (stateParam as PracticeState)
    : undefined
  const q = params.get('q') ?? ''
  const overdue = params.get('scadute') === '1'
  const page = Math.max(1, Number(params.get('pagina')) || 1)
  const practices = usePractices({ state, q, overdue, page, perPage: PER_PAGE })
  const deadline = useDeadlineText()

  const linkWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes))
      if (value === null) next.delete(key)
      else next.set(key, value)
    const search = next.toString()
    return { search: search ? `?${search}` : '' }
  }

  const data = practices.data
  const items = data?.items ?? []
  const total = data?.total ?? 0
  const allCount = data?.counts.reduce((sum, c) => sum + c.count, 0) ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE))

  return (
    <>
      <PageHeading title={t('practices.office.title')} lead={t('practices.office.lead')} />
      <nav aria-label={t('practices.office.statesNav')} className="mb-4">
        <ul className="nav nav-tabs status-tabs">
          <li className="nav-item">
            <Link
              to={linkWith({ stato: null, pagina: null })}
              className={`nav-link${state ? '' : ' active'}`}
              aria-current={state ? undefined : 'page'}
            >
              {t('practices.office.all')}{' '}
              <span className="badge bg-secondary ms-1">{allCount}</span>
            </Link>
          </li>
          {(data?.counts ?? []).map((c) => (
            <li className="nav-item" key={c.state}>
              <Link
                to={linkWith({ stato: c.state, pagina: null })}
                className={`nav-link${c.state === state ? ' active' : ''}`}
                aria-current={c.state === state ? 'page' : undefined}
              >
                {c.label} <span className="badge bg-secondary ms-1">{c.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueueSearch
        key={`${q}-${overdue}`}
        q={q}
        overdue={overdue}
        onSearch={(text, late) => {
          const next = new URLSearchParams(params)
          if (text) next.set('q', text)
          else next.delete('q')
          if (late) next.set('scadute', '1')
          else next.delete('scadute')
          next.delete('pagina')
          setParams(next)
        }}
      />
      {practices.isError ? (
        <ProblemAlert error={practices.error} context={t('practices.office.failed')} />
      ) : !data ? (
        <Loading label={t('practices.office.loading')} />
      ) : items.length === 0 ? (
        <p role="status">{t('practices.office.empty')}</p>
      ) : (
        <>
          <DataTable<PracticeSummary>
            caption={t('practices.office.caption', {
              count: total,
              from: (page - 1) * PER_PAGE + 1,
              to: (page - 1) * PER_PAGE + items.length,
            })}
            stackBelow="wide"
            className="practice-queue"
            rows={items}
            rowKey={(p) => p.id}
            rowProps={(p) => ({
              className: isOverdue(p) ? 'practice-overdue' : undefined,
              'data-practice': p.id,
            })}
            columns={[
              {
                key: 'protocol',
                header: t('practices.columns.protocol'),
                rowHeader: true,
                className: 'identifier text-nowrap',
                cell: (p) => <Link to={`/backoffice/pratiche/${p.id}`}>{p.protocol ?? p.id}</Link>,
              },
              {
                key: 'applicant',
                header: t('practices.columns.applicant'),
                cell: (p) => (
                  <>
                    {p.applicant.surname} {p.applicant.name}
                    <span className="d-block identifier">{p.applicant.fiscal_code}</span>
                  </>
                ),
              },
              {
                key: 'submitted',
                header: t('practices.columns.submittedAt'),
                cell: (p) => (p.submitted_at ? <DateTimeText utc={p.submitted_at} /> : ''),
              },
              {
                key: 'state',
                header: t('practices.columns.state'),
                cell: (p) => p.state_label,
              },
              {
                key: 'deadlines',
                header: t('practices.columns.deadlines'),
                cell: (p) => (
                  <>
                    {p.deadlines.registration_due ? (
                      <span
                        className={`d-block${p.deadlines.registration_overdue ? ' deadline-overdue' : ''}`}
                      >
                        {t('practices.deadlines.registrationShort')}:{' '}
                        {deadline(p.deadlines.registration_due, p.deadlines.registration_overdue)}
                      </span>
                    ) : null}
                    {p.deadlines.decision_due ? (
                      <span
                        className={`d-block${p.deadlines.decision_overdue ? ' deadline-overdue' : ''}`}
                      >
                        {t('practices.deadlines.decisionShort')}:{' '}
                        {deadline(p.deadlines.decision_due, p.deadlines.decision_overdue)}
                      </span>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'assignee',
                header: t('practices.columns.assignee'),
                cell: (p) => p.assignee?.label ?? t('practices.facts.nobody'),
              },
            ]}
          />
          <Pagination
            page={page}
            pageCount={pageCount}
            label={t('practices.office.pages')}
            linkTo={(p) => linkWith({ pagina: p > 1 ? String(p) : null })}
          />
        </>
      )}
    </>
  )
}
