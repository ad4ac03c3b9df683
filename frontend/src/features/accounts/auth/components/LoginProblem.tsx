import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'

interface LoginProblemProps {
  error: unknown
}

/**
 * Why the login failed, in the server's words (already in the reader's language), with what
 * to do next where the person can act: go to the counter, wait, contact the office.
 */
export function LoginProblem({ error }: LoginProblemProps) {
  const { t } = useTranslation()
  const contacts = (
    <p className="mb-0 mt-2">
      <Link to="/contatti">{t('login.contactsLink')}</Link>
    </p>
  )
  switch (problemCode(error)) {
    case 'invalid_credentials':
      return (
        <ProblemAlert error={error} context={t('login.problem.invalidCredentials')}>
          <p className="mb-0 mt-2">{t('login.problem.invalidCredentialsHint')}</p>
        </ProblemAlert>
      )
    case 'account_pending_identification':
      return (
        <ProblemAlert error={error} color="warning" context={t('login.problem.pendingTitle')}>
          <p className="mb-0 mt-2">{t('login.problem.pendingExplanation')}</p>
          <p className="mb-0 mt-2">
            <Link to="/contatti">{t('login.problem.pendingHoursLink')}</Link>
          </p>
        </ProblemAlert>
      )
    case 'account_locked':
      return (
        <ProblemAlert error={error} context={t('login.problem.lockedTitle')}>
          {contacts}
        </ProblemAlert>
      )
    case 'account_rejected':
      return (
        <ProblemAlert error={error} context={t('login.problem.rejectedTitle')}>
          {contacts}
        </ProblemAlert>
      )
    case 'too_many_requests':
      return (
        <ProblemAlert error={error} color="warning" context={t('login.problem.tooManyTitle')}>
          <p className="mb-0 mt-2">{t('login.problem.tooManyHint')}</p>
        </ProblemAlert>
      )
    default:
      return <ProblemAlert error={error} context={t('login.problem.generic')} />
  }
}
