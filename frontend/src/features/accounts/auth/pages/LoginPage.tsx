import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { type SessionUser, useSession } from '@/lib/session'
import { useAuthProviders } from '../api/useAuthProviders'
import { DigitalIdentityLogin } from '../components/DigitalIdentityLogin'
import { LoginForm } from '../components/LoginForm'
import { SmartCardLogin } from '../components/SmartCardLogin'
import { loginUrl, providersOfKind } from '../digitalIdentity'
import { redirectTarget } from '../redirect'

/** The kinds of login this page shows in their own way; any other goes to a plain list. */
const KNOWN_KINDS = new Set(['password', 'smartcard', 'spid', 'cie'])

interface LoginPageProps {
  /** Where a user goes after logging in when no page asked for the login. */
  landing: (user: SessionUser) => string
}

/**
 * /accedi — seed 001 §1: user id and password, one form for citizens (codice fiscale) and staff
 * (user name). Citizens may also use SPID or the CIE (above the form) and a smart card (CNS/CRS)
 * where the portal offers them. The old staff address `/accedi?tipo=operatore` shows the same
 * form.
 */
export function LoginPage({ landing }: LoginPageProps) {
  const { t } = useTranslation()
  const { status, user, ended } = useSession()
  const location = useLocation()
  const providers = useAuthProviders()
  const from = redirectTarget(location.state)

  if (status === 'restoring') return <Loading label={t('session.restoring')} />
  if (status === 'authenticated' && user) {
    const target = user.mustChangePassword ? '/cambio-password' : (from ?? landing(user))
    return <Navigate to={target} replace state={from ? { from } : undefined} />
  }

  const methods = providers.data?.providers ?? []
  const spid = providersOfKind(methods, 'spid')
  const cie = providersOfKind(methods, 'cie')
  const otherProviders = methods.filter((p) => !KNOWN_KINDS.has(p.kind) && p.start_url)
  // The form stays while the list is loading or could not be loaded: staff always use it.
  const passwordLogin = !providers.data || methods.some((p) => p.kind === 'password')
  // Offered only where the portal terminates TLS and trusts smart-card CAs.
  const smartCard = methods.some((p) => p.kind === 'smartcard')
  const clientIp = providers.data?.client_ip
  // SPID and CIE leave the application: the server brings the person back to this page.
  const returnTo = from ?? '/'

  return (
    <>
      <PageHeading title={t('login.title')} lead={t('login.lead')} />
      <div className="row gy-4">
        <div className="col-12 col-lg-7">
          {ended === 'expired' || ended === 'logged_out_elsewhere' ? (
            <Notice color="info" role="status">
              {t(ended === 'expired' ? 'login.sessionExpired' : 'login.loggedOutElsewhere')}
            </Notice>
          ) : from ? (
            <Notice color="info">{t('login.loginRequired')}</Notice>
          ) : null}
          {spid.length > 0 || cie.length > 0 ? (
            <DigitalIdentityLogin spid={spid} cie={cie} returnTo={returnTo} />
          ) : null}
          {passwordLogin ? <LoginForm /> : null}
          {smartCard ? <SmartCardLogin /> : null}
          {otherProviders.length > 0 ? (
            <section aria-labelledby="login-other" className="mt-4">
              <h2 id="login-other" className="h5">
                {t('login.otherMethods')}
              </h2>
              <ul className="list-unstyled">
                {otherProviders.map((p) => (
                  <li key={p.id} className="mb-2">
                    <a
                      className="btn btn-outline-primary"
                      href={p.start_url ? loginUrl(p.start_url, returnTo) : undefined}
                    >
                      {t('login.providerLink', { name: p.name })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="col-12 col-lg-5 login-aside" aria-label={t('login.asideLabel')}>
          <section aria-labelledby="login-new-user" className="mb-4">
            <h2 id="login-new-user" className="h5">
              {t('login.newUserTitle')}
            </h2>
            <p>{t('login.newUserText')}</p>
            <ul className="list-unstyled mb-0 login-aside-links">
              {providers.data?.password_registration === false ? null : (
                <li>
                  <Link to="/registrazione">{t('login.registerLink')}</Link>
                </li>
              )}
              <li>
                <Link to="/come-accedere">{t('login.howToAccessLink')}</Link>
              </li>
            </ul>
          </section>
          <section aria-labelledby="login-forgot" className="mb-4">
            <h2 id="login-forgot" className="h5">
              {t('login.forgotTitle')}
            </h2>
            <p>{t('login.forgotText')}</p>
            <p className="mb-0">
              <Link to="/recupera-password">{t('login.forgotLink')}</Link>
            </p>
          </section>
          <Notice color="info">
            <p className="fw-semibold mb-1">{t('login.loggedNoticeTitle')}</p>
            {clientIp ? <p className="mb-1">{t('login.clientIp', { ip: clientIp })}</p> : null}
            <p className="mb-0">{t('login.loggedNotice')}</p>
          </Notice>
        </aside>
      </div>
    </>
  )
}
