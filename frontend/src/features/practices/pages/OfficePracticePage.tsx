import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { usePractice } from '../api/usePractice'
import { usePracticeType } from '../api/usePracticeTypes'
import { AttachmentsPanel } from '../components/AttachmentsPanel'
import { DeclarationSummary } from '../components/DeclarationSummary'
import { HistoryTable } from '../components/HistoryTable'
import { OfficeActions } from '../components/OfficeActions'
import { PracticeFacts } from '../components/PracticeFacts'
import { toForm } from '../model'
import '../practices.scss'

/**
 * /backoffice/pratiche/:id — one practice for the office: where it stands and who holds it,
 * the actions allowed now, everything declared, the files, the history.
 */
export function OfficePracticePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const practice = usePractice(id)
  const types = usePracticeType(practice.data?.type)

  const back = (
    <p>
      <Link to="/backoffice/pratiche">{t('practices.office.backToQueue')}</Link>
    </p>
  )
  if (practice.isError)
    return (
      <>
        <PageHeading title={t('practices.detail.title')} />
        <ProblemAlert error={practice.error} context={t('practices.detail.failed')} />
        {back}
      </>
    )
  if (!practice.data) return <Loading label={t('practices.detail.loading')} />
  if (types.isError)
    return <ProblemAlert error={types.error} context={t('practices.typesFailed')} />
  const type = types.type
  if (!type) return <Loading label={t('practices.typesLoading')} />
  const current = practice.data
  const title = current.protocol
    ? t('practices.detail.titleWithProtocol', {
        type: current.type_name,
        protocol: current.protocol,
      })
    : current.type_name

  return (
    <>
      <PageHeading title={title} />
      {back}
      <PracticeFacts practice={current} office />
      {current.integration_request ? (
        <Notice color="info">
          <p className="fw-semibold mb-1">{t('practices.office.integrationAsked')}</p>
          <p className="mb-0">{current.integration_request}</p>
        </Notice>
      ) : null}
      <OfficeActions practice={current} />
      <section aria-labelledby="dati-dichiarati" className="mb-5">
        <h2 className="h3" id="dati-dichiarati">
          {t('practices.detail.declared')}
        </h2>
        <DeclarationSummary form={toForm(current.data)} type={type} />
      </section>
      <section aria-labelledby="allegati" className="mb-5">
        <h2 className="h3" id="allegati">
          {t('practices.attachments.title')}
        </h2>
        {current.attachments.length === 0 ? (
          <p>{t('practices.attachments.none')}</p>
        ) : (
          <AttachmentsPanel practice={current} documents={type.documents} editable={false} />
        )}
      </section>
      <section aria-labelledby="storico" className="mb-5">
        <h2 className="h3" id="storico">
          {t('practices.history.title')}
        </h2>
        <HistoryTable practiceId={current.id} />
      </section>
    </>
  )
}
