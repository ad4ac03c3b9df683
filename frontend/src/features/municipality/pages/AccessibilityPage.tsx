import { useTranslation } from 'react-i18next'
import { ContentSections, useContentSections } from '@/components/ContentSections'
import { PageHeading } from '@/components/PageHeading'
import type { Municipality } from '../api/useMunicipality'
import { MunicipalityGate } from '../components/MunicipalityGate'

const AGID_FORM_URL = 'https://form.agid.gov.it'

function Statement({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation()
  const { office } = municipality
  const sections = useContentSections('accessibility.sections', {
    controller: municipality.name,
    site: globalThis.location?.host ?? '',
  })
  const published = municipality.accessibility_statement_url ? (
    <p>
      <a href={municipality.accessibility_statement_url}>{t('accessibility.publishedLink')}</a>
    </p>
  ) : null
  const feedback = (
    <ul>
      <li>
        {t('contacts.email')}: <a href={`mailto:${office.email}`}>{office.email}</a>
      </li>
      <li>
        <abbr title={t('contacts.pecLong')}>{t('contacts.pec')}</abbr>:{' '}
        <a href={`mailto:${office.pec}`}>{office.pec}</a>
      </li>
    </ul>
  )
  const agid = (
    <p>
      <a href={AGID_FORM_URL}>{t('accessibility.agidLink')}</a>
    </p>
  )
  return (
    <ContentSections
      sections={sections}
      extras={{ preparation: published, feedback, enforcement: agid }}
    />
  )
}

export function AccessibilityPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('accessibility.title')} />
      <MunicipalityGate>{(m) => <Statement municipality={m} />}</MunicipalityGate>
    </>
  )
}
