import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { formatDate } from '@/lib/format'
import type { PersonMatch } from '../api/useFindPersons'

/** What the certificate wizard receives for a third person (router state). */
export interface ThirdPartyRequest {
  reason: string
  surname: string
  name: string
  birth_date: string
}

interface PersonMatchesProps {
  people: PersonMatch[]
  /** The reason given for the search, carried to the certificate request. */
  reason: string
}

/**
 * The persons found, with only what identifies them: the look-up must not become a way
 * to read someone's address or family.
 */
export function PersonMatches({ people, reason }: PersonMatchesProps) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  if (people.length === 0) {
    return <p role="status">{t('thirdParty.results.none')}</p>
  }
  return (
    <ul className="list-unstyled person-matches">
      {people.map((person) => {
        const fullName = `${person.surname} ${person.name}`
        const request: ThirdPartyRequest = {
          reason,
          surname: person.surname,
          name: person.name,
          birth_date: person.birth_date,
        }
        return (
          <li key={person.person_id} className="card card-bg mb-3">
            <div className="card-body">
              <h3 className="h5 card-title">{fullName}</h3>
              <dl className="decoded-data">
                <div>
                  <dt>{t('thirdParty.results.birthDate')}</dt>
                  <dd>{formatDate(person.birth_date, i18n.language)}</dd>
                </div>
                <div>
                  <dt>{t('thirdParty.results.birthPlace')}</dt>
                  <dd>{person.birth_place}</dd>
                </div>
              </dl>
              <button
                type="button"
                className="btn btn-primary btn-sm"
                onClick={() =>
                  void navigate(
                    `/certificati/nuovo?persona=${encodeURIComponent(person.person_id)}`,
                    { state: request },
                  )
                }
              >
                {t('thirdParty.results.certificates')}{' '}
                <span className="visually-hidden">
                  {t('thirdParty.results.forPerson', { name: fullName })}
                </span>
              </button>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
