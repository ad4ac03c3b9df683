import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkPassword, MIN_DIGITS, MIN_LENGTH, PASSWORD_RULES } from './passwordRules'

interface PasswordRulesProps {
  /** Referenced by the password field's aria-describedby. */
  id: string
  password: string
  /** How long typing must pause before the progress is announced (ms). */
  announceDelay?: number
}

/**
 * The list of rules with each one's state, updated as the person types. The list itself is
 * not a live region (it would be read at every keystroke): a short summary is announced
 * politely once typing pauses, and only when it changes.
 */
export function PasswordRules({ id, password, announceDelay = 1000 }: PasswordRulesProps) {
  const { t } = useTranslation()
  const state = checkPassword(password)
  const met = PASSWORD_RULES.filter((rule) => state[rule]).length
  const summary =
    password === ''
      ? ''
      : met === PASSWORD_RULES.length
        ? t('passwordRules.allMet')
        : t('passwordRules.progress', { met, total: PASSWORD_RULES.length })

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

  return (
    <div className="password-rules">
      <p className="password-rules-title" id={`${id}-title`}>
        {t('passwordRules.title')}
      </p>
      <ul id={id} aria-labelledby={`${id}-title`} className="list-unstyled mb-0">
        {PASSWORD_RULES.map((rule) => (
          <li key={rule} className={state[rule] ? 'rule-met' : 'rule-unmet'}>
            <span className="rule-mark" aria-hidden="true">
              {state[rule] ? '✓' : '○'}
            </span>
            <span className="visually-hidden">
              {state[rule] ? t('passwordRules.met') : t('passwordRules.unmet')}
            </span>{' '}
            {t(`passwordRules.${rule}`, { min: rule === 'minDigits' ? MIN_DIGITS : MIN_LENGTH })}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite" data-testid="password-rules-status">
        {announced}
      </p>
    </div>
  )
}
