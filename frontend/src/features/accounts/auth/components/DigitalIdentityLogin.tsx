import { useTranslation } from 'react-i18next'
import type { DigitalIdentityProvider } from '../digitalIdentity'
import '../digital-identity.scss'
import { CieButton } from './CieButton'
import { SpidButton } from './SpidButton'

interface DigitalIdentityLoginProps {
  spid: DigitalIdentityProvider[]
  cie: DigitalIdentityProvider[]
  /** The page of this application to come back to after the login. */
  returnTo: string
}

/**
 * The login with a digital identity: SPID (one button, a menu of identity providers) and the
 * Carta d'identità elettronica (one button per provider, normally one). Both leave the portal
 * for the provider's pages and come back to /accedi/esito.
 */
export function DigitalIdentityLogin({ spid, cie, returnTo }: DigitalIdentityLoginProps) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="login-digital-identity" className="digital-identity-login mb-5">
      <h2 id="login-digital-identity" className="h4">
        {t('digitalIdentity.title')}
      </h2>
      <p>{t('digitalIdentity.intro')}</p>
      <div className="digital-identity-buttons">
        {spid.length > 0 ? <SpidButton providers={spid} returnTo={returnTo} /> : null}
        {cie.map((provider) => (
          <CieButton
            key={provider.id}
            provider={provider}
            named={cie.length > 1}
            returnTo={returnTo}
          />
        ))}
      </div>
    </section>
  )
}
