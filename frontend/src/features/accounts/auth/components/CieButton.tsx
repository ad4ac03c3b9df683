import { useTranslation } from 'react-i18next'
import cieMark from '../assets/cie-card.svg'
import { type DigitalIdentityProvider, loginUrl, providerLogo } from '../digitalIdentity'

interface CieButtonProps {
  provider: DigitalIdentityProvider
  /** Name the provider on the button: there is more than one CIE provider. */
  named: boolean
  /** The page of this application to come back to after the login. */
  returnTo: string
}

/**
 * "Entra con CIE": a link in the look of the SPID button (blue, mark, words) that leaves the
 * portal for the login page of the Carta d'identità elettronica.
 */
export function CieButton({ provider, named, returnTo }: CieButtonProps) {
  const { t } = useTranslation()
  const logo = providerLogo(provider.logo) ?? cieMark
  return (
    <a className="cie-button" href={loginUrl(provider.start_url, returnTo)}>
      <span className="cie-button-icon" aria-hidden="true">
        <img src={logo} alt="" width="40" height="28" />
      </span>
      <span className="cie-button-text">
        {named
          ? t('digitalIdentity.cie.buttonNamed', { name: provider.name })
          : t('digitalIdentity.cie.button')}
      </span>
    </a>
  )
}
