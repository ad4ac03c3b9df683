import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '@/lib/format'
import type { CertificateQuery, CertificateStatus } from '../api/useCertificateStatus'
import { archiveVerdict, formatInstant } from '../verdict'
import { DocumentLinks } from './DocumentLinks'

/**
 * The line about the certificate's validity, as the archive's status has it. Only a valid
 * certificate says "Valido fino al": an expired one says when its validity ended, and a
 * revoked one when it was revoked — its original end of validity would read as if it were
 * still good until then, so it is left out.
 */
function ValidityLine({ status }: { status: CertificateStatus }) {
  const { t, i18n } = useTranslation()
  const archive = archiveVerdict(status)
  let term: string
  let value: string
  if (archive.kind === 'valid') {
    term = t('verification.record.validUntil')
    value = formatDate(archive.validUntil, i18n.language)
  } else if (archive.kind === 'expired') {
    term = t('verification.record.expiredOn')
    value = formatDate(archive.validUntil, i18n.language)
  } else if (archive.kind === 'revoked' && archive.revokedAt) {
    term = t('verification.record.revokedAt')
    value = formatInstant(archive.revokedAt, i18n.language)
  } else {
    return null
  }
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  )
}

interface CertificateRecordProps {
  status: CertificateStatus
  /** The data the archive was asked with, which also fetch the stored document. */
  query: CertificateQuery
}

/** What the municipality's archive holds about the certificate, and its stored document. */
export function CertificateRecord({ status, query }: CertificateRecordProps) {
  const { t, i18n } = useTranslation()
  const heading = useId()
  return (
    <section aria-labelledby={heading} className="mt-4">
      <h2 id={heading} className="h4">
        {t('verification.record.title')}
      </h2>
      <dl className="decoded-data">
        <div>
          <dt>{t('verification.record.id')}</dt>
          <dd className="font-monospace">{status.id}</dd>
        </div>
        <div>
          <dt>{t('verification.record.type')}</dt>
          <dd>{status.type_name}</dd>
        </div>
        <div>
          <dt>{t('verification.record.subject')}</dt>
          <dd>
            {status.subject_surname} {status.subject_name}
          </dd>
        </div>
        <div>
          <dt>{t('verification.record.issuedAt')}</dt>
          <dd>{formatInstant(status.issued_at, i18n.language)}</dd>
        </div>
        <ValidityLine status={status} />
      </dl>
      <DocumentLinks query={query} />
    </section>
  )
}
