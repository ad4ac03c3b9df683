import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import type { EmailBody } from '@/lib/email'

/** Says where the declaration went: the recipient and the copies. */
export function EmailSentNotice({ sent }: { sent: EmailBody }) {
  const { t } = useTranslation()
  return (
    <Notice color="success">
      <p className="mb-0">
        {t('selfDeclarations.email.sent', { to: sent.to })}
        {sent.cc && sent.cc.length > 0
          ? ` ${t('selfDeclarations.email.sentCc', { cc: sent.cc.join(', ') })}`
          : null}
      </p>
    </Notice>
  )
}
