import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { useChangePassword } from '../api/useChangePassword'
import { usePasswordPolicy } from '../api/usePasswordPolicy'
import { checkNewPassword, NewPasswordFields } from './NewPasswordFields'

type Field = 'current' | 'new' | 'confirm'

interface ChangePasswordFormProps {
  /** The first login's forced change: the current password is the one received. */
  forced: boolean
  /** The account's login name, for password managers (a hidden field, as they expect). */
  loginName: string
  onChanged: () => void
}

/**
 * Current password, new password (with its rules checked as one types) and confirmation.
 * The server checks the rules again and answers each broken one on its field.
 */
export function ChangePasswordForm({ forced, loginName, onChanged }: ChangePasswordFormProps) {
  const { t } = useTranslation()
  const change = useChangePassword()
  const policy = usePasswordPolicy()
  const [values, setValues] = useState<Record<Field, string>>({ current: '', new: '', confirm: '' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [show, setShow] = useState(false)
  // A server error stays on its field until the field is edited.
  const [edited, setEdited] = useState<ReadonlySet<Field>>(new Set())
  const currentRef = useRef<HTMLInputElement>(null)
  const newRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)
  const focus = (field: Field) =>
    ({ current: currentRef, new: newRef, confirm: confirmRef })[field].current?.focus()

  const server = fieldErrorsOf(change.error)
  const shown: Partial<Record<Field, string>> = {
    current: errors.current ?? (edited.has('current') ? undefined : server.current_password),
    new: errors.new ?? (edited.has('new') ? undefined : server.new_password),
    confirm: errors.confirm,
  }
  const otherError = change.isError && !server.current_password && !server.new_password

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
    setEdited((s) => new Set(s).add(field))
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const fresh = checkNewPassword({ password: values.new, confirm: values.confirm }, policy, t)
    const found: Partial<Record<Field, string>> = { new: fresh.password, confirm: fresh.confirm }
    if (values.current === '') found.current = t('changePassword.currentRequired')
    setErrors(found)
    setEdited(new Set())
    const first = (['current', 'new', 'confirm'] as const).find((f) => found[f])
    if (first) {
      focus(first)
      return
    }
    change.mutate(
      { current_password: values.current, new_password: values.new },
      {
        onSuccess: () => {
          setValues({ current: '', new: '', confirm: '' })
          onChanged()
        },
        onError: (error) => {
          const fields = fieldErrorsOf(error)
          if (fields.current_password) focus('current')
          else if (fields.new_password) focus('new')
        },
      },
    )
  }

  const type = show ? 'text' : 'password'
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="change-password-form"
      aria-label={t('changePassword.formLabel')}
    >
      {otherError ? (
        <ProblemAlert error={change.error} context={t('changePassword.failed')} />
      ) : null}
      <input
        type="text"
        name="username"
        autoComplete="username"
        value={loginName}
        readOnly
        hidden
      />
      <TextField
        ref={currentRef}
        id="current-password"
        name="current_password"
        type={type}
        label={t('changePassword.current')}
        hint={forced ? t('changePassword.currentHintForced') : undefined}
        error={shown.current}
        required
        value={values.current}
        onChange={(e) => set('current')(e.target.value)}
        autoComplete="current-password"
        autoCapitalize="none"
        spellCheck={false}
      />
      <NewPasswordFields
        idPrefix="new-password"
        value={{ password: values.new, confirm: values.confirm }}
        errors={{ password: shown.new, confirm: shown.confirm }}
        onChange={(field, value) => set(field === 'password' ? 'new' : 'confirm')(value)}
        policy={policy}
        visible={show}
        passwordRef={newRef}
        confirmRef={confirmRef}
      />
      <CheckboxField
        id="change-password-show"
        label={t('changePassword.show')}
        checked={show}
        onChange={(e) => setShow(e.target.checked)}
      />
      <Button color="primary" type="submit" className="mt-3" disabled={change.isPending}>
        {change.isPending ? t('changePassword.submitting') : t('changePassword.submit')}
      </Button>
    </form>
  )
}
