import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Practice } from '../api/types'
import { usePractice } from '../api/usePractice'
import { usePracticeType } from '../api/usePracticeTypes'
import { CitizenDetail } from '../components/CitizenDetail'
import { ReceiptButton } from '../components/ReceiptButton'
import { Wizard } from '../components/Wizard'
import '../practices.scss'

type Outcome = { kind: 'submitted'; practice: Practice } | { kind: 'cancelled' }

/** Said once the wizard has ended: the protocol and the receipt, or that nothing was sent. */
function OutcomeNotice({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div ref={ref} tabIndex={-1} role="status" className="outcome-region mb-4">
      {outcome.kind === 'submitted' ? (
        <Notice color="success">
          <p className="fw-semibold">
            {t('practices.outcome.submitted', { protocol: outcome.practice.protocol ?? '' })}
          </p>
          <p>{t('practices.outcome.submittedNext')}</p>
          <div className="d-flex flex-wrap gap-3 align-items-center">
            <ReceiptButton practice={outcome.practice} />
            <Link to="/pratiche">{t('practices.list.title')}</Link>
          </div>
        </Notice>
      ) : (
        <Notice color="info">
          <p className="mb-0">{t('practices.outcome.cancelled')}</p>
        </Notice>
      )}
    </div>
  )
}

/**
 * /pratiche/:id — a draft opens the wizard at its step; any other state the practice's
 * "stato richieste" detail.
 */
export function PracticePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const [, setParams] = useSearchParams()
  const practice = usePractice(id)
  const types = usePracticeType(practice.data?.type)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [stale, setStale] = useState(false)
  const [generation, setGeneration] = useState(0)

  if (practice.isError)
    return (
      <>
        <PageHeading title={t('practices.detail.title')} />
        <ProblemAlert error={practice.error} context={t('practices.detail.failed')} />
        <p>
          <Link to="/pratiche">{t('practices.list.backLink')}</Link>
        </p>
      </>
    )
  if (!practice.data) return <Loading label={t('practices.detail.loading')} />
  if (types.isError)
    return <ProblemAlert error={types.error} context={t('practices.typesFailed')} />
  const type = types.type
  if (!type) return <Loading label={t('practices.typesLoading')} />
  const current = practice.data

  const ended = (next: Outcome) => {
    setOutcome(next)
    setParams(new URLSearchParams(), { replace: true })
  }

  if (current.state === 'draft')
    return (
      <>
        <PageHeading title={current.type_name} lead={t('practices.wizard.lead')} />
        {stale ? (
          <Notice color="warning" role="alert">
            <p className="mb-0">{t('practices.wizard.stale')}</p>
          </Notice>
        ) : null}
        <Wizard
          key={generation}
          practice={current}
          type={type}
          onStale={() => {
            setStale(true)
            void practice.refetch().then(() => setGeneration((g) => g + 1))
          }}
          onSubmitted={(submitted) => ended({ kind: 'submitted', practice: submitted })}
          onCancelled={() => ended({ kind: 'cancelled' })}
        />
      </>
    )

  const title = current.protocol
    ? t('practices.detail.titleWithProtocol', {
        type: current.type_name,
        protocol: current.protocol,
      })
    : current.type_name
  return (
    <>
      <PageHeading title={title} />
      {outcome ? <OutcomeNotice outcome={outcome} /> : null}
      <CitizenDetail practice={current} type={type} receiptShown={outcome?.kind === 'submitted'} />
    </>
  )
}
