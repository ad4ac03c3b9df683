import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { useSmartCardLogin } from '../api/useSmartCardLogin'
import { SmartCardProblem } from './SmartCardProblem'

/**
 * The second way in for citizens (SPEC §2): the Carta Nazionale dei Servizi or a regional
 * card with CNS functions, read by the browser through the card reader. The browser asks
 * for the certificate and the PIN itself; the page only says what to do and sends the request.
 */
export function SmartCardLogin() {
  const { t } = useTranslation()
  const login = useSmartCardLogin()
  return (
    <section aria-labelledby="login-smartcard" className="mt-4">
      <h2 id="login-smartcard" className="h4">
        {t('smartcard.title')}
      </h2>
      <p>{t('smartcard.intro')}</p>
      <ol>
        <li>{t('smartcard.stepInsert')}</li>
        <li>{t('smartcard.stepButton')}</li>
        <li>{t('smartcard.stepCertificate')}</li>
      </ol>
      {login.isError ? <SmartCardProblem error={login.error} /> : null}
      <Button
        color="primary"
        outline
        type="button"
        onClick={() => login.mutate()}
        disabled={login.isPending}
      >
        {login.isPending ? t('smartcard.submitting') : t('smartcard.submit')}
      </Button>
    </section>
  )
}
