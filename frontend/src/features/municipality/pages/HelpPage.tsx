import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '@/components/PageHeading'
import { FaqGroup, type FaqGroupData } from '../components/FaqGroup'

function isGroup(value: unknown): value is FaqGroupData {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.id === 'string' && typeof v.title === 'string' && Array.isArray(v.items)
}

export function HelpPage() {
  const { t } = useTranslation()
  const raw: unknown = t('help.groups', { returnObjects: true })
  const groups = Array.isArray(raw) ? raw.filter(isGroup) : []
  return (
    <>
      <PageHeading title={t('help.title')} lead={t('help.lead')} />
      {groups.map((group) => (
        <FaqGroup key={group.id} group={group} />
      ))}
      <section aria-labelledby="help-more" className="mb-4">
        <h2 id="help-more" className="h3">
          {t('help.moreTitle')}
        </h2>
        <p>
          {t('help.moreText')} <Link to="/contatti">{t('help.moreLink')}</Link>
        </p>
      </section>
    </>
  )
}
