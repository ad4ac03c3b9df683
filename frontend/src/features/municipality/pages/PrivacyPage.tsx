import { useTranslation } from 'react-i18next'
import { ContentSections, useContentSections } from '@/components/ContentSections'
import { PageHeading } from '@/components/PageHeading'
import type { Municipality } from '../api/useMunicipality'
import { MunicipalityGate } from '../components/MunicipalityGate'

const GARANTE_URL = 'https://www.garanteprivacy.it'

function PrivacyNotice({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation()
  const { office, privacy } = municipality
  const controllerPec = privacy.controller_pec ?? office.pec
  const sections = useContentSections('privacy.sections', {
    controller: privacy.controller,
    office: office.name,
  })
  const controllerContacts = (
    <dl className="contact-list">
      <div>
        <dt>{t('privacy.controllerLabel')}</dt>
        <dd>{privacy.controller}</dd>
      </div>
      <div>
        <dt>{t('privacy.seat')}</dt>
        <dd>
          {office.address}, {office.postcode} {office.city}
        </dd>
      </div>
      <div>
        <dt>{t('contacts.email')}</dt>
        <dd>
          <a href={`mailto:${office.email}`}>{office.email}</a>
        </dd>
      </div>
      <div>
        <dt>
          <abbr title={t('contacts.pecLong')}>{t('contacts.pec')}</abbr>
        </dt>
        <dd>
          <a href={`mailto:${controllerPec}`}>{controllerPec}</a>
        </dd>
      </div>
    </dl>
  )
  const dpoContacts = (
    <p>
      {t('privacy.dpoContact')} <a href={`mailto:${privacy.dpo_email}`}>{privacy.dpo_email}</a>
    </p>
  )
  const garante = (
    <p>
      <a href={GARANTE_URL}>{t('privacy.garanteLink')}</a>
    </p>
  )
  return (
    <ContentSections
      sections={sections}
      extras={{ controller: controllerContacts, dpo: dpoContacts, complaint: garante }}
    />
  )
}

export function PrivacyPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('privacy.title')} lead={t('privacy.lead')} />
      <MunicipalityGate>{(m) => <PrivacyNotice municipality={m} />}</MunicipalityGate>
    </>
  )
}
