import { type CertificateQuery, useCertificateStatus } from '../api/useCertificateStatus'
import { archiveFailureVerdict, archiveVerdict, type Verdict } from '../verdict'
import { CertificateRecord } from './CertificateRecord'
import { VerdictPanel } from './VerdictPanel'

/**
 * The archive's answer about the certificate the data identify: the verdict first, then
 * what the archive holds. Used by the form, whose answer appears below it: the verdict
 * takes the focus when it arrives, so that it is seen (and heard) first.
 */
export function CertificateStatusPanel({
  query,
  submission,
}: {
  query: CertificateQuery
  /** Counts the submissions of the form: each one's verdict takes the focus once. */
  submission: number
}) {
  const status = useCertificateStatus(query)
  // Asked again after a failure: checking, not the old failure, until the new answer.
  const verdict: Verdict =
    status.isPending || (status.isError && status.isFetching)
      ? { kind: 'checking', step: 'archive' }
      : status.isError
        ? archiveFailureVerdict(status.error, false)
        : archiveVerdict(status.data)
  return (
    <>
      <VerdictPanel verdict={verdict} focusKey={submission} />
      {status.data ? <CertificateRecord status={status.data} query={query} /> : null}
    </>
  )
}
