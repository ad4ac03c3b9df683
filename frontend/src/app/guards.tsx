import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, Outlet, useLocation } from 'react-router'
import { redirectTarget } from '@/features/accounts'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { hasPermission, type SessionUser, useSession } from '@/lib/session'
import { backOfficeHome } from './backoffice/sections'

export const CHANGE_PASSWORD_PATH = '/cambio-password'

/**
 * Pages that stay reachable during the forced password change: the information a person
 * may need at any time (legal notices, accessibility, contacts, help).
 */
const OPEN_DURING_FORCED_CHANGE = new Set([
  CHANGE_PASSWORD_PATH,
  // The result of a SPID/CIE login: it opens the new session and decides where to go.
  '/accedi/esito',
  '/privacy',
  '/accessibilita',
  '/note-legali',
  '/contatti',
  '/aiuto',
  '/come-accedere',
  '/recupera-password',
  '/registrazione',
  '/reimposta-password',
])

/** Where a user goes after logging in, when no page asked for the login. */
export function landingFor(user: SessionUser): string {
  return backOfficeHome(user) ?? '/'
}

/**
 * While the password must be changed (first login), every other page leads to the change,
 * remembering where the person was going.
 */
export function ForcedPasswordChange() {
  const { user } = useSession()
  const location = useLocation()
  if (user?.mustChangePassword && !OPEN_DURING_FORCED_CHANGE.has(location.pathname)) {
    // From the login page, the login page itself decides where to go afterwards.
    const from =
      location.pathname === '/accedi'
        ? redirectTarget(location.state)
        : `${location.pathname}${location.search}`
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={from ? { from } : undefined} />
  }
  return <Outlet />
}

/** Pages for signed-in users: the others go to the login, and come back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { status, ended } = useSession()
  const location = useLocation()
  if (status === 'restoring') return <Loading label={t('session.restoring')} />
  // Logging out from the menu leads to the home page (the menu navigates there); a private
  // page reached afterwards (the browser's Back) says why it is empty and offers the login.
  if (status === 'anonymous' && ended === 'logged_out') {
    const from = `${location.pathname}${location.search}`
    return (
      <>
        <PageHeading title={t('session.endedTitle')} lead={t('session.endedLead')} />
        <p className="d-flex flex-wrap gap-3 align-items-center">
          <Link className="btn btn-primary" to="/accedi" state={{ from }}>
            {t('session.loginAgain')}
          </Link>
          <Link to="/">{t('session.home')}</Link>
        </p>
      </>
    )
  }
  if (status === 'anonymous') {
    return (
      <Navigate to="/accedi" replace state={{ from: `${location.pathname}${location.search}` }} />
    )
  }
  return <>{children}</>
}

/**
 * Pages for holders of a permission. The server refuses the calls anyway; this only spares
 * the others a page that cannot work.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string
  children: ReactNode
}) {
  const { user } = useSession()
  return hasPermission(user, permission) ? <>{children}</> : <ForbiddenPage />
}

function ForbiddenPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('forbidden.title')} lead={t('forbidden.lead')} />
      <p>
        <Link to="/">{t('forbidden.home')}</Link>
      </p>
    </>
  )
}
