import { Icon } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { usePerson } from '../api/usePerson'
import { PersonDetails } from '../components/PersonDetails'

function BackLink() {
  const { t } = useTranslation()
  return (
    <p className="no-print">
      <Link to="/famiglia">
        <Icon icon="it-arrow-left" size="sm" color="primary" className="me-1" />
        {t('family.back')}
      </Link>
    </p>
  )
}

/**
 * /famiglia/:personId — "Dettaglio" (seed 001): the full registry position of a member of
 * the caller's family. The server answers 404 for anyone else, and so does this page.
 */
export function PersonPage() {
  const { t } = useTranslation()
  const { personId = '' } = useParams()
  const person = usePerson(personId)
  const notFound = person.error instanceof ApiError && person.error.status === 404

  return (
    <div className="family-record">
      <PageHeading
        title={t('family.personTitle')}
        lead={person.data ? `${person.data.surname} ${person.data.name}` : undefined}
      />
      <BackLink />
      {notFound ? (
        <Notice color="warning" role="alert">
          {t('family.personNotFound')}
        </Notice>
      ) : person.isError ? (
        <ProblemAlert error={person.error} context={t('family.personLoadFailed')} />
      ) : !person.data ? (
        <Loading label={t('family.personLoading')} />
      ) : (
        <>
          <PersonDetails person={person.data} />
          <Link
            to={`/certificati/nuovo?persona=${encodeURIComponent(person.data.person_id)}`}
            className="btn btn-primary no-print"
          >
            {t('family.certificates')}
            <span className="visually-hidden">
              {' '}
              – {person.data.surname} {person.data.name}
            </span>
          </Link>
        </>
      )}
    </div>
  )
}
