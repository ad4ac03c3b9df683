import { useTranslation } from 'react-i18next'
import { PageHeading } from '@/components/PageHeading'
import { FiscalCodeForm } from '../components/FiscalCodeForm'

export function FiscalCodePage() {
  const { t } = useTranslation()
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('fiscalCode.title')} lead={t('fiscalCode.lead')} />
        <p>{t('fiscalCode.note')}</p>
        <FiscalCodeForm />
      </div>
    </div>
  )
}
