import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { Notice } from '@/components/Notice'
import { type FlashMessage as Flash, flashOf, withoutFlash } from '@/lib/flash'

/**
 * The one-off message a navigation carried ("password changed", "logged out"). It is taken
 * out of the history entry as soon as it is shown, so that a reload or a return to the page
 * does not announce it again; it stays on screen until the next page.
 */
export function FlashMessage() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const [shown, setShown] = useState<{ message: Flash; pathname: string } | null>(null)
  const incoming = flashOf(location.state)

  // Kept while rendering (React's pattern for state derived from props), then the entry
  // is rewritten without it.
  if (incoming && (shown?.message !== incoming || shown.pathname !== location.pathname)) {
    setShown({ message: incoming, pathname: location.pathname })
  }
  useEffect(() => {
    if (!incoming) return
    void navigate(
      { pathname: location.pathname, search: location.search, hash: location.hash },
      { replace: true, state: withoutFlash(location.state) },
    )
  }, [incoming, location, navigate])

  const message = incoming ?? (shown && shown.pathname === location.pathname ? shown.message : null)
  return (
    <div role="status">
      {message ? <Notice color="success">{t(`flash.${message}`)}</Notice> : null}
    </div>
  )
}
