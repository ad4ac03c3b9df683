import { Button } from 'design-react-kit'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmailSentNotice } from '@/components/EmailSentNotice'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { registryDate } from '@/lib/registryDates'
import type { Certificate } from '../api/useIssueCertificate'
import { useDownloadCertificate } from '../api/useDownloadCertificate'
import type { EmailRequest } from '../api/useEmailCertificate'
import { EmailCertificateForm } from './EmailCertificateForm'

interface IssuedCertificateProps {
  certificate: Certificate
}

/** "Passo 2: Scegli come riceverlo" (seed 001): download, or send by e-mail. */
export function IssuedCertificate({ certificate }: IssuedCertificateProps) {
  const { t } = useTranslation()
  const download = useDownloadCertificate()
  const [emailing, setEmailing] = useState(false)
  const [sent, setSent] = useState<EmailRequest | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const emailButtonRef = useRef<HTMLButtonElement>(null)

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
      <div className="d-flex flex-wrap gap-3">
        <Button
          color="primary"
          type="button"
          disabled={download.isPending}
          onClick={() => download.mutate(certificate.id)}
        >
          {t('certificates.download')}
        </Button>
        <Button
          color="primary"
          outline
          type="button"
          innerRef={emailButtonRef}
          aria-expanded={emailing}
          onClick={() => {
            setSent(null)
            setEmailing((open) => !open)
          }}
        >
          {t('certificates.email.title')}
        </Button>
      </div>
      <div role="status" className="mt-3">
        {download.isSuccess ? (
          <Notice color="info">{t('certificates.downloaded', { file: download.data })}</Notice>
        ) : null}
        {sent ? <EmailSentNotice sent={sent} textsPrefix="certificates.email" /> : null}
      </div>
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('certificates.downloadFailed')} />
      ) : null}
      {emailing ? (
        <EmailCertificateForm
          certificateId={certificate.id}
          headingLevel={3}
          onSent={(body) => {
            setSent(body)
            setEmailing(false)
            emailButtonRef.current?.focus()
          }}
          onCancel={() => {
            setEmailing(false)
            emailButtonRef.current?.focus()
          }}
        />
      ) : null}
    </section>
  )
}
