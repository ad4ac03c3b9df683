import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CertificateQuery,
  sameCertificate,
  useCertificateStatus,
} from '../api/useCertificateStatus'
import { CertificateStatusPanel } from './CertificateStatusPanel'
import { VerifyForm } from './VerifyForm'

/** The form of seed 001 §8.1 and, once submitted, the archive's answer under it. */
export function ManualVerification({ initialId }: { initialId?: string }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState<CertificateQuery | null>(null)
  const status = useCertificateStatus(query)
  return (
    <>
      <VerifyForm
        initial={{ id: initialId }}
        busy={status.isFetching}
        onSubmit={(next) => {
          // Asking again about the same certificate after a failure (a limit reached, the
          // network down) must ask the server again, not show the cached failure.
          if (query && sameCertificate(query, next) && status.isError) void status.refetch()
          else setQuery(next)
        }}
      />
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
