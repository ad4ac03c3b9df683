import type { TFunction } from 'i18next'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'
import type { PasswordPolicy } from '../api/usePasswordPolicy'
import { meetsAllRules } from './passwordRules'
import { PasswordRules } from './PasswordRules'

export interface NewPassword {
  password: string
  confirm: string
}

export type NewPasswordErrors = Partial<Record<keyof NewPassword, string>>

/** The errors a new password and its confirmation show before anything is sent. */
export function checkNewPassword(
  value: NewPassword,
  policy: PasswordPolicy,
  t: TFunction,
): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (value.password === '') errors.password = t('changePassword.newRequired')
  else if (!meetsAllRules(value.password, policy))
    errors.password = t('changePassword.newBreaksRules')
  if (value.confirm === '') errors.confirm = t('changePassword.confirmRequired')
  else if (value.confirm !== value.password) errors.confirm = t('changePassword.confirmMismatch')
  return errors
}

interface NewPasswordFieldsProps {
  /** Prefix of the fields' ids: `{idPrefix}`, `{idPrefix}-confirm`, `{idPrefix}-rules`. */
  idPrefix: string
  value: NewPassword
  errors: NewPasswordErrors
  onChange: (field: keyof NewPassword, value: string) => void
  policy: PasswordPolicy
  /** Shown as typed or hidden, as the form's "show passwords" box says. */
  visible: boolean
  passwordRef?: Ref<HTMLInputElement>
  confirmRef?: Ref<HTMLInputElement>
}

/**
 * A new password with its rules checked as one types, and its confirmation: the same in
 * the password change and in the recovery by e-mailed link.
 */
export function NewPasswordFields({
  idPrefix,
  value,
  errors,
  onChange,
  policy,
  visible,
  passwordRef,
  confirmRef,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation()
  const rulesId = `${idPrefix}-rules`
  const type = visible ? 'text' : 'password'
  return (
    <>
      <TextField
        ref={passwordRef}
        id={idPrefix}
        name="new_password"
        type={type}
        label={t('changePassword.new')}
        error={errors.password}
        describedBy={[rulesId]}
        required
        value={value.password}
        onChange={(e) => onChange('password', e.target.value)}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
      />
      <PasswordRules id={rulesId} password={value.password} policy={policy} />
      <TextField
        ref={confirmRef}
        id={`${idPrefix}-confirm`}
        name="confirm_password"
        type={type}
        label={t('changePassword.confirm')}
        error={errors.confirm}
        required
        value={value.confirm}
        onChange={(e) => onChange('confirm', e.target.value)}
        autoComplete="new-password"
        autoCapitalize="none"
        spellCheck={false}
      />
    </>
  )
}
