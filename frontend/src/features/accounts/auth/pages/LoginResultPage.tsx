import { Button } from 'design-react-kit'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'
import { ApiError } from '@/lib/api/problem'
import { session, type SessionUser, useSession } from '@/lib/session'
import { useRedeemLoginTicket } from '../api/useRedeemLoginTicket'
import { LoginFailure } from '../components/LoginFailure'
import { LoginProblem } from '../components/LoginProblem'
import { ResultLinks } from '../components/ResultLinks'
import { readArrival } from '../digitalIdentity'
import { safeReturnPath } from '../redirect'

interface LoginResultPageProps {
  /** Where a user goes after logging in when no page asked for the login. */
  landing: (user: SessionUser) => string
}

/**
 * /accedi/esito — where the server brings the browser back after a SPID or CIE login.
 *
 * - `#ticket=…&ritorno=…`: the ticket leaves the address bar at once (a reload or the Back
 *   button never presents it again), is turned into a session like a password login, and the
 *   person goes on to `ritorno`, a path of this application (else the usual landing page).
 * - `?errore=<code>`: what went wrong, in plain words, with what to do next.
 */
export function LoginResultPage({ landing }: LoginResultPageProps) {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const { status, user } = useSession()
  // Read once, before the address loses it.
  const [arrival] = useState(() => readArrival(location.hash))
  const errorCode = new URLSearchParams(location.search).get('errore')
  const { mutate: redeem, ...redemption } = useRedeemLoginTicket()
  const redeemed = useRef(false)

  useEffect(() => {
    if (location.hash) {
      navigate({ pathname: location.pathname, search: location.search }, { replace: true })
    }
  }, [location.hash, location.pathname, location.search, navigate])

  // After the session of an earlier visit, if any, is restored: its renewal failing must
  // not end the session the ticket opens. The ticket works once: one request only.
  useEffect(() => {
    if (!arrival || redeemed.current) return
    if (status === 'restoring') {
      void session.restore()
      return
    }
    redeemed.current = true
    redeem(arrival.ticket)
  }, [arrival, status, redeem])

  if (arrival) {
    if (redemption.isSuccess && user) {
      const wanted = safeReturnPath(arrival.returnTo)
      if (user.mustChangePassword) {
        return (
          <Navigate to="/cambio-password" replace state={wanted ? { from: wanted } : undefined} />
        )
      }
      return <Navigate to={wanted && wanted !== '/' ? wanted : landing(user)} replace />
    }
    if (redemption.isError || redemption.isSuccess) {
      const error = redemption.error
      const retry =
        error instanceof ApiError && error.isNetworkError ? (
          <Button
            color="primary"
            outline
            type="button"
            className="mt-3"
            onClick={() => redeem(arrival.ticket)}
          >
            {t('loginResult.retry')}
          </Button>
        ) : null
      return (
        <>
          <PageHeading title={t('loginResult.failedTitle')} />
          {problemCode(error) === 'login_ticket_invalid' ? (
            <ProblemAlert error={error} context={t('loginResult.ticketInvalidTitle')}>
              <p className="mb-0 mt-2">{t('loginResult.ticketInvalidHint')}</p>
            </ProblemAlert>
          ) : (
            <LoginProblem error={error} />
          )}
          {retry}
          <ResultLinks />
        </>
      )
    }
    return (
      <>
        <PageHeading title={t('loginResult.inProgressTitle')} />
        <Loading label={t('loginResult.redeeming')} />
      </>
    )
  }

  if (errorCode !== null) return <LoginFailure code={errorCode} />

  return (
    <>
      <PageHeading title={t('loginResult.nothingTitle')} lead={t('loginResult.nothingLead')} />
      <ResultLinks />
    </>
  )
}
