import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { useFindPersons } from '../api/useFindPersons'
import { PersonMatches } from '../components/PersonMatches'
import { PersonSearchForm } from '../components/PersonSearchForm'

/** "Certificazione libera" (seed 001 §7): certificates about a third person. */
export function ThirdPartyPage() {
  const { t } = useTranslation()
  const search = useFindPersons()
  const throttled = search.error instanceof ApiError && search.error.status === 429
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('thirdParty.title')} lead={t('thirdParty.lead')} />
        <Notice color="warning">
          <strong>{t('thirdParty.warningLabel')}</strong> {t('thirdParty.warning')}
        </Notice>
        <p>{t('thirdParty.instructions')}</p>
        <PersonSearchForm busy={search.isPending} onSearch={(query) => search.mutate(query)} />
        <div aria-live="polite" className="mt-4">
          {search.isError ? (
            throttled ? (
              <ProblemAlert
                error={search.error}
                color="warning"
                context={t('thirdParty.results.tooMany')}
              />
            ) : (
              <ProblemAlert error={search.error} context={t('thirdParty.results.failed')} />
            )
          ) : null}
          {search.isSuccess ? (
            <section aria-labelledby="person-results">
              <h2 id="person-results" className="h4">
                {t('thirdParty.results.title')}
              </h2>
              <PersonMatches people={search.data} reason={search.variables.reason} />
            </section>
          ) : null}
        </div>
      </div>
    </div>
  )
}
