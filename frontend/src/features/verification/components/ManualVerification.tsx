import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CertificateQuery, useCertificateStatus } from '../api/useCertificateStatus'
import { CertificateStatusPanel } from './CertificateStatusPanel'
import { VerifyForm } from './VerifyForm'

/** The form of seed 001 §8.1 and, once submitted, the archive's answer under it. */
export function ManualVerification({ initialId }: { initialId?: string }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState<CertificateQuery | null>(null)
  const status = useCertificateStatus(query)
  return (
    <>
      <VerifyForm initial={{ id: initialId }} busy={status.isFetching} onSubmit={setQuery} />
      <div aria-live="polite" className="mt-4">
        {query ? (
          <section aria-labelledby="verification-result">
            <h2 id="verification-result" className="h4">
              {t('verification.status.title')}
            </h2>
            <CertificateStatusPanel query={query} />
          </section>
        ) : null}
      </div>
    </>
  )
}
