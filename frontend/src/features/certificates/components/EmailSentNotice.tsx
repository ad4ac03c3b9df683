import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import type { EmailRequest } from '../api/useEmailCertificate'

/** Says where the certificate went: the recipient and the copies. */
export function EmailSentNotice({ sent }: { sent: EmailRequest }) {
  const { t } = useTranslation()
  return (
    <Notice color="success">
      <p className="mb-0">
        {t('certificates.email.sent', { to: sent.to })}
        {sent.cc && sent.cc.length > 0
          ? ` ${t('certificates.email.sentCc', { cc: sent.cc.join(', ') })}`
          : null}
      </p>
    </Notice>
  )
}
