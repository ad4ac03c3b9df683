import { useTranslation } from 'react-i18next'
import { ContentSections, useContentSections } from '@/components/ContentSections'
import { PageHeading } from '@/components/PageHeading'

export function HowToAccessPage() {
  const { t } = useTranslation()
  const sections = useContentSections('howToAccess.sections')
  return (
    <>
      <PageHeading title={t('howToAccess.title')} lead={t('howToAccess.lead')} />
      <ContentSections sections={sections} />
    </>
  )
}
