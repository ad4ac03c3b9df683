import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'
import { LoginProblem } from './LoginProblem'

interface SmartCardProblemProps {
  error: unknown
}

/**
 * Why the smart-card login failed: the card's own problems here, with what to do; an account
 * that is not active gets the same explanation as after a password login.
 */
export function SmartCardProblem({ error }: SmartCardProblemProps) {
  const { t } = useTranslation()
  switch (problemCode(error)) {
    case 'smart_card_required':
      return (
        <ProblemAlert error={error} color="warning" context={t('smartcard.problem.requiredTitle')}>
          <p className="mb-0 mt-2">{t('smartcard.problem.requiredHint')}</p>
        </ProblemAlert>
      )
    case 'smart_card_not_registered':
      return (
        <ProblemAlert error={error} context={t('smartcard.problem.notRegisteredTitle')}>
          <p className="mb-0 mt-2">{t('smartcard.problem.notRegisteredHint')}</p>
          <p className="mb-0 mt-2">
            <Link to="/registrazione">{t('smartcard.problem.registerLink')}</Link>
          </p>
        </ProblemAlert>
      )
    case 'smart_card_unreadable':
      return <ProblemAlert error={error} context={t('smartcard.problem.unreadableTitle')} />
    default:
      return <LoginProblem error={error} />
  }
}
