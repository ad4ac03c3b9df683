import { useTranslation } from 'react-i18next'
import { EmailForm } from '@/components/EmailForm'
import { type EmailRequest, useEmailCertificate } from '../api/useEmailCertificate'

interface EmailCertificateFormProps {
  certificateId: string
  /** The form's heading; the seed's "Invia certificato per email" by default. */
  title?: string
  headingLevel: 2 | 3
  onSent: (sent: EmailRequest) => void
  onCancel: () => void
}

/**
 * "Invia certificato per email" (seed 001): the signed certificate to any address, with
 * copies and a message of one's own.
 */
export function EmailCertificateForm({
  certificateId,
  title,
  headingLevel,
  onSent,
  onCancel,
}: EmailCertificateFormProps) {
  const { t } = useTranslation()
  const email = useEmailCertificate()
  return (
    <EmailForm
      idPrefix={`email-${certificateId}`}
      title={title ?? t('certificates.email.title')}
      intro={t('certificates.email.intro')}
      failed={t('certificates.email.failed')}
      headingLevel={headingLevel}
      send={(body) => email.mutateAsync({ id: certificateId, body })}
      onSent={onSent}
      onCancel={onCancel}
    />
  )
}
