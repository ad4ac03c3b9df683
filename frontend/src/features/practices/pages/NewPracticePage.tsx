import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { usePracticeType } from '../api/usePracticeTypes'
import { useCreatePractice } from '../api/usePracticeMutations'
import { DocumentChecklist } from '../components/DocumentChecklist'
import '../practices.scss'

/**
 * /pratiche/nuova/:type — the service's first page (seed 000 "Cambio di indirizzo"): the
 * documents to send, Obbligatorio or Facoltativo, the forms to download; "Richiesta
 * servizio" creates the draft, prefilled from the registry, and opens it.
 */
export function NewPracticePage() {
  const { t } = useTranslation()
  const { type: code = '' } = useParams()
  const navigate = useNavigate()
  const types = usePracticeType(code)
  const create = useCreatePractice()
  const type = types.type

  if (types.isError)
    return (
      <>
        <PageHeading title={t('practices.new.title')} />
        <ProblemAlert error={types.error} context={t('practices.typesFailed')} />
      </>
    )
  if (!types.data) return <Loading label={t('practices.typesLoading')} />
  if (!type)
    return (
      <>
        <PageHeading
          title={t('practices.new.unknownTitle')}
          lead={t('practices.new.unknownLead')}
        />
        <p>
          <Link to="/pratiche">{t('practices.list.backLink')}</Link>
        </p>
      </>
    )

  const documentsTitle = type.steps.find((s) => s.code === 'documents')?.title
  return (
    <>
      <PageHeading title={type.name} lead={type.description} />
      <section aria-labelledby="documenti">
        <h2 className="h3" id="documenti">
          {documentsTitle ?? t('practices.documents.title')}
        </h2>
        <p>{t('practices.documents.lead')}</p>
        <DocumentChecklist documents={type.documents} />
      </section>
      {create.isError ? (
        <ProblemAlert error={create.error} context={t('practices.new.createFailed')} />
      ) : null}
      <div className="d-flex flex-wrap gap-3 align-items-center mt-4">
        <Button
          color="primary"
          type="button"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(type.code, {
              onSuccess: (practice) => void navigate(`/pratiche/${practice.id}?passo=applicant`),
            })
          }
        >
          {create.isPending ? t('practices.new.creating') : t('practices.new.start')}
        </Button>
        <Link to="/pratiche">{t('practices.list.title')}</Link>
      </div>
    </>
  )
}
