import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import type { EmailBody } from '@/lib/email'

interface EmailSentNoticeProps {
  sent: EmailBody
  /** The texts' prefix: `<prefix>.sent` ("… inviato a {{to}}.") and `<prefix>.sentCc`. */
  textsPrefix: string
}

/** Says where a document went by e-mail: the recipient and the copies. */
export function EmailSentNotice({ sent, textsPrefix }: EmailSentNoticeProps) {
  const { t } = useTranslation()
  return (
    <Notice color="success">
      <p className="mb-0">
        {t(`${textsPrefix}.sent`, { to: sent.to })}
        {sent.cc && sent.cc.length > 0
          ? ` ${t(`${textsPrefix}.sentCc`, { cc: sent.cc.join(', ') })}`
          : null}
      </p>
    </Notice>
  )
}
