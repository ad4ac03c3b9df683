import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DocumentDelivery } from '@/components/DocumentDelivery'
import { Notice } from '@/components/Notice'
import { registryDate } from '@/lib/registryDates'
import type { Certificate } from '../api/useIssueCertificate'
import { useDownloadCertificate } from '../api/useDownloadCertificate'
import { EmailCertificateForm } from './EmailCertificateForm'

interface IssuedCertificateProps {
  certificate: Certificate
}

/** "Passo 2: Scarica il certificato o ricevilo per email" (seed 001): download, or send by e-mail. */
export function IssuedCertificate({ certificate }: IssuedCertificateProps) {
  const { t } = useTranslation()
  const download = useDownloadCertificate()
  const headingRef = useRef<HTMLHeadingElement>(null)

  // The step appears in place of the form: the reader continues from its heading.
  useEffect(() => headingRef.current?.focus(), [])

  return (
    <section aria-labelledby="certificate-step2-title" className="mt-5">
      <h2 id="certificate-step2-title" className="h3" tabIndex={-1} ref={headingRef}>
        {t('certificates.step2')}
      </h2>
      <Notice color="success">
        <p className="fw-semibold mb-1">
          {t('certificates.issued', { type: certificate.type_name })}
        </p>
        <p className="mb-0">
          {t('certificates.issuedId')}{' '}
          <span className="font-monospace fw-semibold">{certificate.id}</span>
          {' · '}
          {t('certificates.validUntilText', { date: registryDate(certificate.valid_until) })}
        </p>
      </Notice>
      {certificate.stamp ? (
        <Notice color="warning">
          {t('certificates.applyStamp', {
            identifier: certificate.stamp.identifier,
            date: registryDate(certificate.stamp.issue_date),
          })}
        </Notice>
      ) : null}
      <DocumentDelivery
        documentId={certificate.id}
        download={download}
        texts={{
          download: t('certificates.download'),
          email: t('certificates.email.title'),
          downloaded: (file) => t('certificates.downloaded', { file }),
          downloadFailed: t('certificates.downloadFailed'),
          emailSentPrefix: 'certificates.email',
        }}
        emailForm={(close) => (
          <EmailCertificateForm certificateId={certificate.id} headingLevel={3} {...close} />
        )}
      />
    </section>
  )
}
