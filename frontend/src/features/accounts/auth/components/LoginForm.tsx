import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { useLogin } from '../api/useLogin'
import { LoginProblem } from './LoginProblem'

export type LoginMode = 'citizen' | 'staff'

interface LoginFormProps {
  mode: LoginMode
}

/** Upper case, without the spaces people type between groups of characters. */
function cleanFiscalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/**
 * Codice fiscale (citizens) or user name (staff), and password. Errors of the fields sit
 * under them; a refusal of the whole login (wrong credentials, account not active, too many
 * attempts) is explained above the form.
 */
export function LoginForm({ mode }: LoginFormProps) {
  const { t } = useTranslation()
  const login = useLogin()
  const [identifier, setIdentifier] = useState('')
  const [password, setPassword] = useState('')
  const [showPassword, setShowPassword] = useState(false)
  const [missing, setMissing] = useState<{ identifier?: boolean; password?: boolean }>({})
  const identifierRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)

  // Switching between citizens' and staff access keeps the person in the form.
  const previousMode = useRef(mode)
  const { reset } = login
  useEffect(() => {
    if (previousMode.current === mode) return
    previousMode.current = mode
    reset()
    setMissing({})
    setIdentifier('')
    identifierRef.current?.focus()
  }, [mode, reset])

  const serverFields = fieldErrorsOf(login.error)
  const identifierField = mode === 'citizen' ? 'fiscal_code' : 'username'
  const identifierError = missing.identifier
    ? t(mode === 'citizen' ? 'login.fiscalCodeRequired' : 'login.usernameRequired')
    : serverFields[identifierField]
  const passwordError = missing.password ? t('login.passwordRequired') : serverFields.password
  const hasFieldErrors = Object.keys(serverFields).length > 0

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const id = mode === 'citizen' ? cleanFiscalCode(identifier) : identifier.trim()
    const nextMissing = { identifier: id === '', password: password === '' }
    setMissing(nextMissing)
    if (nextMissing.identifier || nextMissing.password) {
      ;(nextMissing.identifier ? identifierRef : passwordRef).current?.focus()
      return
    }
    login.mutate(mode === 'citizen' ? { fiscal_code: id, password } : { username: id, password })
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
          {t(mode === 'citizen' ? 'login.citizenFormTitle' : 'login.staffFormTitle')}
        </h2>
        <TextField
          ref={identifierRef}
          id="login-identifier"
          name={identifierField}
          label={t(mode === 'citizen' ? 'login.fiscalCode' : 'login.username')}
          hint={t(mode === 'citizen' ? 'login.fiscalCodeHint' : 'login.usernameHint')}
          error={identifierError}
          required
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          autoComplete="username"
          autoCapitalize={mode === 'citizen' ? 'characters' : 'none'}
          spellCheck={false}
          maxLength={mode === 'citizen' ? 32 : 64}
          inputClassName={mode === 'citizen' ? 'font-monospace text-uppercase-input' : undefined}
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
