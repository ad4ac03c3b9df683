import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { useLogin } from '../api/useLogin'
import { LoginProblem } from './LoginProblem'

/**
 * One form for everybody (seed 001 §1: "Identificativo utente" and password): citizens type
 * their codice fiscale, staff their user name, and the server tells them apart. Errors of the
 * fields sit under them; a refusal of the whole login (wrong credentials, account not active,
 * too many attempts) is explained above the form.
 */
export function LoginForm() {
  const { t } = useTranslation()
  const login = useLogin()
  const [identifier, setIdentifier] = useState('')
  const [password, setPassword] = useState('')
  const [showPassword, setShowPassword] = useState(false)
  const [missing, setMissing] = useState<{ identifier?: boolean; password?: boolean }>({})
  const identifierRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  const serverFields = fieldErrorsOf(login.error)
  const identifierError = missing.identifier ? t('login.userIdRequired') : serverFields.user_id
  const passwordError = missing.password ? t('login.passwordRequired') : serverFields.password
  const hasFieldErrors = Object.keys(serverFields).length > 0

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const userId = identifier.trim()
    const nextMissing = { identifier: userId === '', password: password === '' }
    setMissing(nextMissing)
    if (nextMissing.identifier || nextMissing.password) {
      ;(nextMissing.identifier ? identifierRef : passwordRef).current?.focus()
      return
    }
    login.mutate({ user_id: userId, password })
  }

  return (
    <>
      {login.isError && !hasFieldErrors ? <LoginProblem error={login.error} /> : null}
      <form
        noValidate
        onSubmit={onSubmit}
        className="login-form"
        aria-labelledby="login-form-title"
      >
        <h2 id="login-form-title" className="h4">
          {t('login.formTitle')}
        </h2>
        <TextField
          ref={identifierRef}
          id="login-identifier"
          name="user_id"
          label={t('login.userId')}
          hint={t('login.userIdHint')}
          error={identifierError}
          required
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
        />
        <TextField
          ref={passwordRef}
          id="login-password"
          name="password"
          type={showPassword ? 'text' : 'password'}
          label={t('login.password')}
          error={passwordError}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
        />
        <CheckboxField
          id="login-show-password"
          label={t('login.showPassword')}
          checked={showPassword}
          onChange={(e) => setShowPassword(e.target.checked)}
        />
        <Button color="primary" type="submit" className="mt-3" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
    </>
  )
}
