import { useTranslation } from 'react-i18next'
import { ContentSections, useContentSections } from '@/components/ContentSections'
import { PageHeading } from '@/components/PageHeading'
import type { Municipality } from '../api/useMunicipality'
import { MunicipalityGate } from '../components/MunicipalityGate'

function Notes({ municipality }: { municipality: Municipality }) {
  const sections = useContentSections('legal.sections', { controller: municipality.name })
  return <ContentSections sections={sections} />
}

export function LegalNotesPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('legal.title')} />
      <MunicipalityGate>{(m) => <Notes municipality={m} />}</MunicipalityGate>
    </>
  )
}
