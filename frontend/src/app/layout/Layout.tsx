import { useEffect, useRef } from 'react'
import { Outlet, useLocation } from 'react-router'
import { FlashMessage } from './FlashMessage'
import { PrintLetterhead } from './PrintLetterhead'
import { SiteFooter } from './SiteFooter'
import { SiteHeader } from './SiteHeader'
import { SkipLinks } from './SkipLinks'
import { useSessionLifecycle } from './useSessionLifecycle'

/**
 * After a client-side navigation, start at the top and put the focus on the new page's
 * content, as a full page load would for a screen reader user.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation()
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    window.scrollTo({ top: 0 })
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
}

export function Layout() {
  useFocusOnNavigation()
  useSessionLifecycle()
  return (
    <>
      <SkipLinks />
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <div className="container-xxl py-4 py-lg-5 page-content">
          <PrintLetterhead />
          <FlashMessage />
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </>
  )
}
