import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** The ways on from the result of a SPID/CIE login: the login page again, or the home page. */
export function ResultLinks() {
  const { t } = useTranslation()
  return (
    <p className="d-flex flex-wrap gap-3 align-items-center mt-4">
      <Link className="btn btn-primary" to="/accedi">
        {t('loginResult.backToLogin')}
      </Link>
      <Link to="/">{t('loginResult.home')}</Link>
    </p>
  )
}
