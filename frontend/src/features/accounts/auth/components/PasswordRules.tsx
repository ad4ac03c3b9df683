import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PasswordPolicy } from '../api/usePasswordPolicy'
import { checkPassword, rulesOf } from './passwordRules'

interface PasswordRulesProps {
  /** Referenced by the password field's aria-describedby. */
  id: string
  password: string
  policy: PasswordPolicy
  /** How long typing must pause before the progress is announced (ms). */
  announceDelay?: number
}

/**
 * The list of rules with each one's state, updated as the person types. The list itself is
 * not a live region (it would be read at every keystroke): a short summary is announced
 * politely once typing pauses, and only when it changes.
 */
export function PasswordRules({ id, password, policy, announceDelay = 1000 }: PasswordRulesProps) {
  const { t } = useTranslation()
  const state = checkPassword(password, policy)
  // The maximum length is listed only once it is exceeded: nobody needs it otherwise.
  const rules = state.maxLength ? rulesOf(policy) : [...rulesOf(policy), 'maxLength' as const]
  const met = rules.filter((rule) => state[rule]).length
  const summary =
    password === ''
      ? ''
      : met === rules.length
        ? t('passwordRules.allMet')
        : t('passwordRules.progress', { met, total: rules.length })

  const [announced, setAnnounced] = useState('')
  const last = useRef('')
  useEffect(() => {
    const timer = setTimeout(() => {
      if (summary !== last.current) {
        last.current = summary
        setAnnounced(summary)
      }
    }, announceDelay)
    return () => clearTimeout(timer)
  }, [summary, announceDelay])

  const limits = {
    minLength: policy.min_length,
    maxLength: policy.max_length,
    minDigits: policy.min_digits,
  } as const
  return (
    <div className="password-rules">
      <p className="password-rules-title" id={`${id}-title`}>
        {t('passwordRules.title')}
      </p>
      <ul id={id} aria-labelledby={`${id}-title`} className="list-unstyled mb-0">
        {rules.map((rule) => (
          <li key={rule} className={state[rule] ? 'rule-met' : 'rule-unmet'}>
            <span className="rule-mark" aria-hidden="true">
              {state[rule] ? '✓' : '○'}
            </span>
            <span className="visually-hidden">
              {state[rule] ? t('passwordRules.met') : t('passwordRules.unmet')}
            </span>{' '}
            {t(`passwordRules.${rule}`, {
              count: rule in limits ? limits[rule as keyof typeof limits] : 0,
            })}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite" data-testid="password-rules-status">
        {announced}
      </p>
    </div>
  )
}
