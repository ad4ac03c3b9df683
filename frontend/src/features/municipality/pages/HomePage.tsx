import { Callout, CalloutTitle } from 'design-react-kit'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useProfile, useSession } from '@/lib/session'
import { useServices } from '../api/useServices'
import { ServiceAreaSection } from '../components/ServiceAreaSection'

export function HomePage() {
  const { t } = useTranslation()
  const services = useServices()
  const { user } = useSession()
  const profile = useProfile()
  // Only a citizen the registry does not know as resident; staff see the catalogue as is.
  const nonResident = user?.role === 'citizen' && profile.data?.resident === false
  const areas = services.data?.areas.filter((area) => area.services.length > 0) ?? []
  return (
    <>
      <PageHeading title={t('home.title')} lead={t('home.lead')} />
      <Callout color="note" className="home-callout mb-5">
        <CalloutTitle tag="h2" className="h5">
          {t('home.accessTitle')}
        </CalloutTitle>
        <p>
          <Trans i18nKey="home.accessText" components={{ guide: <Link to="/come-accedere" /> }} />
        </p>
      </Callout>
      {nonResident ? (
        <Callout color="warning" className="home-callout mb-5">
          <CalloutTitle tag="h2" className="h5">
            {t('home.nonResidentTitle')}
          </CalloutTitle>
          <p>{t('home.nonResidentText')}</p>
        </Callout>
      ) : null}
      {services.isError ? (
        <ProblemAlert error={services.error} context={t('catalogue.loadError')} />
      ) : services.isPending ? (
        <Loading label={t('catalogue.loading')} />
      ) : areas.length === 0 ? (
        <p>{t('catalogue.empty')}</p>
      ) : (
        areas.map((area) => (
          <ServiceAreaSection key={area.code} area={area} nonResident={nonResident} />
        ))
      )}
    </>
  )
}
