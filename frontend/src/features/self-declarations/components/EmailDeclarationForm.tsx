import { useTranslation } from 'react-i18next'
import { EmailForm } from '@/components/EmailForm'
import type { EmailBody } from '@/lib/email'
import { useEmailSelfDeclaration } from '../api/useEmailSelfDeclaration'

interface EmailDeclarationFormProps {
  declarationId: string
  /** The form's heading; the seed's "Invia autocertificazione per email" by default. */
  title?: string
  headingLevel: 2 | 3
  onSent: (sent: EmailBody) => void
  onCancel: () => void
}

/** "Invia autocertificazione per email" (seed 001): the PDF to any address, with copies and a message. */
export function EmailDeclarationForm({
  declarationId,
  title,
  headingLevel,
  onSent,
  onCancel,
}: EmailDeclarationFormProps) {
  const { t } = useTranslation()
  const email = useEmailSelfDeclaration()
  return (
    <EmailForm
      idPrefix={`email-${declarationId}`}
      title={title ?? t('selfDeclarations.email.title')}
      intro={t('selfDeclarations.email.intro')}
      failed={t('selfDeclarations.email.failed')}
      headingLevel={headingLevel}
      send={(body) => email.mutateAsync({ id: declarationId, body })}
      onSent={onSent}
      onCancel={onCancel}
    />
  )
}
