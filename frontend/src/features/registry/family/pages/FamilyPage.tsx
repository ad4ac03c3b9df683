import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'
import { useFamily } from '../api/useFamily'
import { MemberCard } from '../components/MemberCard'
import { SituationDateForm } from '../components/SituationDateForm'
import { isIsoDate, registryDate, todayIso } from '@/lib/registryDates'
import '../print.scss'

/**
 * /famiglia — seed 001 "Visualizzazioni e certificati per il proprio nucleo familiare": the
 * resident's family as the registry records it on a chosen day, each member with the way to
 * their full position and to certificates; printable.
 */
export function FamilyPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const today = todayIso()
  const asked = params.get('data') ?? ''
  const date = isIsoDate(asked) && asked <= today ? asked : today
  const family = useFamily(date)

  if (family.isError && problemCode(family.error) === 'not_resident') {
    return (
      <div className="family-record">
        <PageHeading title={t('family.title')} />
        <Notice color="warning" role="alert">
          <p className="fw-semibold mb-1">{t('family.notResidentTitle')}</p>
          <p>{t('family.notResidentText')}</p>
          <p className="mb-0">
            <Link to="/certificazione-libera">{t('family.thirdPartyLink')}</Link>
          </p>
        </Notice>
      </div>
    )
  }

  const showDate = (next: string) => setParams(next === today ? {} : { data: next })
  return (
    <div className="family-record">
      <PageHeading title={t('family.title')} />
      {family.data ? (
        <>
          <p className="lead">
            {t('family.welcome')}{' '}
            <strong>{family.data.address?.formatted ?? t('family.noAddress')}</strong>
          </p>
          <p>
            <span className="fw-semibold">{t('family.situationDate')}</span>{' '}
            {registryDate(family.data.situation_date)}
            {family.data.registry_number ? (
              <>
                {' · '}
                <span className="fw-semibold">{t('family.registryNumber')}</span>{' '}
                {family.data.registry_number}
              </>
            ) : null}
          </p>
        </>
      ) : null}
      {/* The date stays on screen whatever the answer, so another day is always one step away. */}
      <div className="d-flex flex-wrap align-items-end justify-content-between gap-3 mb-4 no-print">
        <SituationDateForm key={date} date={date} today={today} onChange={showDate} />
        {family.data ? (
          <Button color="primary" outline type="button" onClick={() => window.print()}>
            {t('family.print')}
          </Button>
        ) : null}
      </div>
      {family.isError ? (
        problemCode(family.error) === 'no_family_on_date' ? (
          <Notice color="info" role="status">
            <p className="fw-semibold mb-1">
              {t('family.noFamilyOnDateTitle', { date: registryDate(date) })}
            </p>
            <p>{t('family.noFamilyOnDateText')}</p>
            <p className="mb-0">
              <Link to="/famiglia">{t('family.backToToday')}</Link>
            </p>
          </Notice>
        ) : (
          <ProblemAlert error={family.error} context={t('family.loadFailed')} />
        )
      ) : !family.data ? (
        <Loading label={t('family.loading')} />
      ) : family.data.members.length === 0 ? (
        <p role="status">{t('family.noMembers')}</p>
      ) : (
        <ul className="list-unstyled family-members" aria-label={t('family.membersLabel')}>
          {family.data.members.map((member) => (
            <li key={member.person_id} className="mb-4">
              <MemberCard member={member} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
