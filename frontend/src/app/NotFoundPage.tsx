import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeading } from '@/components/PageHeading'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('notFound.title')} lead={t('notFound.lead')} />
      <ul>
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
        <li>
          <Link to="/aiuto">{t('notFound.help')}</Link>
        </li>
        <li>
          <Link to="/contatti">{t('notFound.contacts')}</Link>
        </li>
      </ul>
    </>
  )
}
