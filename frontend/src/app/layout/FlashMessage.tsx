import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { Notice } from '@/components/Notice'
import { flashOf } from '@/lib/flash'

/** The one-off message a navigation carried ("password changed", "logged out"). */
export function FlashMessage() {
  const { t } = useTranslation()
  const { state } = useLocation()
  const message = flashOf(state)
  return (
    <div role="status">
      {message ? <Notice color="success">{t(`flash.${message}`)}</Notice> : null}
    </div>
  )
}
