import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { PageHeading } from '@/components/PageHeading'
import { ManualVerification } from '../components/ManualVerification'
import { QrScanner } from '../components/QrScanner'
import { verificationPath } from '../qrLink'

/** Public: anyone holding a certificate checks it (seed 001 §8.1). */
export function VerifyPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('verification.title')} lead={t('verification.lead')} />
        <ManualVerification />
        <section aria-labelledby="qr-scan" className="mt-5">
          <h2 id="qr-scan" className="h4">
            {t('verification.scan.title')}
          </h2>
          <p>{t('verification.scan.intro')}</p>
          <QrScanner onLink={(link) => void navigate(verificationPath(link))} />
        </section>
      </div>
    </div>
  )
}
