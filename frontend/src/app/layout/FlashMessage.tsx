import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { Notice } from '@/components/Notice'
import { flashOf, withoutFlash } from '@/lib/flash'

/**
 * The browser's copy of the history entry loses the message once it is shown, so that a
 * reload or a return to the page does not announce it again. The router's own copy keeps
 * it until the next navigation: rewriting the entry through the router would be a
 * navigation of its own, racing the redirects of the page that receives the message.
 * React Router keeps a navigation's state under `usr` in `history.state`.
 */
function forgetInBrowserHistory() {
  const entry: unknown = window.history.state
  if (typeof entry !== 'object' || entry === null || !('usr' in entry)) return
  window.history.replaceState({ ...entry, usr: withoutFlash(entry.usr) }, '')
}

/** The one-off message a navigation carried ("password changed", "logged out"). */
export function FlashMessage() {
  const { t } = useTranslation()
  const location = useLocation()
  const message = flashOf(location.state)

  useEffect(() => {
    if (message) forgetInBrowserHistory()
  }, [message, location.key])

  return (
    <div role="status">
      {message ? <Notice color="success">{t(`flash.${message}`)}</Notice> : null}
    </div>
  )
}
