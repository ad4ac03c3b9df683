import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'

/** What an action on an account did, said once it is done. */
export interface UserOutcome {
  text: string
  /** Answered by the server once: shown here, and never again. */
  temporaryPassword?: string
}

/**
 * A live region that takes the focus when an outcome arrives, so that screen readers read
 * it and keyboard users continue from there.
 */
export const UserOutcomeRegion = forwardRef<HTMLDivElement, { outcome: UserOutcome | null }>(
  function UserOutcomeRegion({ outcome }, ref) {
    const { t } = useTranslation()
    return (
      <div ref={ref} tabIndex={-1} role="status" className="outcome-region">
        {outcome ? (
          <Notice color="success">
            <p className="mb-0">{outcome.text}</p>
            {outcome.temporaryPassword ? (
              <>
                <p className="my-2">
                  {t('admin.users.temporaryPassword')}{' '}
                  <code className="temporary-password">{outcome.temporaryPassword}</code>
                </p>
                <p className="mb-0">{t('admin.users.temporaryPasswordOnce')}</p>
              </>
            ) : null}
          </Notice>
        ) : null}
      </div>
    )
  },
)
