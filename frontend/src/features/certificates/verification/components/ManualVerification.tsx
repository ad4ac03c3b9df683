import { useState } from 'react'
import {
  type CertificateQuery,
  sameCertificate,
  useCertificateStatus,
} from '../api/useCertificateStatus'
import { CertificateStatusPanel } from './CertificateStatusPanel'
import { VerifyForm } from './VerifyForm'

/** The form of seed 001 §8.1 and, once submitted, the archive's answer under it. */
export function ManualVerification({ initialId }: { initialId?: string }) {
  const [query, setQuery] = useState<CertificateQuery | null>(null)
  const [submission, setSubmission] = useState(0)
  const status = useCertificateStatus(query)
  return (
    <>
      <VerifyForm
        initial={{ id: initialId }}
        busy={status.isFetching}
        onSubmit={(next) => {
          setSubmission((count) => count + 1)
          // Asking again about the same certificate after a failure (a limit reached, the
          // network down) must ask the server again, not show the cached failure.
          if (query && sameCertificate(query, next) && status.isError) void status.refetch()
          else setQuery(next)
        }}
      />
      {query ? (
        <div className="mt-4">
          <CertificateStatusPanel query={query} submission={submission} />
        </div>
      ) : null}
    </>
  )
}
