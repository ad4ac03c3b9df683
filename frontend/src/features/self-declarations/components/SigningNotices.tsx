import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'

interface SigningNoticesProps {
  /** Whether to say that an art. 47 declaration needs a copy of an identity document. */
  identityDocument?: boolean
}

/**
 * What the declarant does before handing the paper over (seed 001): sign it and, for an
 * atto notorio, attach a copy of an identity document.
 */
export function SigningNotices({ identityDocument = true }: SigningNoticesProps) {
  const { t } = useTranslation()
  return (
    <Notice color="warning">
      <p className={identityDocument ? 'fw-semibold mb-1' : 'fw-semibold mb-0'}>
        {t('selfDeclarations.notices.sign')}
      </p>
      {identityDocument ? (
        <p className="mb-0">{t('selfDeclarations.notices.identityDocument')}</p>
      ) : null}
    </Notice>
  )
}
