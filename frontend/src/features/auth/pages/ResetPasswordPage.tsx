import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { CheckboxField } from '@/components/CheckboxField'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { flashState } from '@/lib/flash'
import { useConfirmPasswordReset } from '../api/useConfirmPasswordReset'
import { meetsAllRules } from '../components/passwordRules'
import { PasswordRules } from '../components/PasswordRules'

const RULES_ID = 'reset-password-rules'

/**
 * /reimposta-password?token=… — where the e-mailed link leads: a new password, checked as
 * one types, then the login.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const navigate = useNavigate()
  const confirm = useConfirmPasswordReset()
  const [password, setPassword] = useState('')
  const [repeat, setRepeat] = useState('')
  const [show, setShow] = useState(false)
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({})
  const passwordRef = useRef<HTMLInputElement>(null)
  const repeatRef = useRef<HTMLInputElement>(null)

  const server = fieldErrorsOf(confirm.error)
  const tokenError = server.token
  const otherError = confirm.isError && !server.token && !server.new_password

  if (!token) {
    return (
      <>
        <PageHeading title={t('reset.title')} />
        <Notice color="warning">
          <p className="mb-1">{t('reset.noToken')}</p>
          <p className="mb-0">
            <Link to="/recupera-password">{t('reset.requestNew')}</Link>
          </p>
        </Notice>
      </>
    )
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found: { password?: string; repeat?: string } = {}
    if (password === '') found.password = t('changePassword.newRequired')
    else if (!meetsAllRules(password)) found.password = t('changePassword.newBreaksRules')
    if (repeat === '') found.repeat = t('changePassword.confirmRequired')
    else if (repeat !== password) found.repeat = t('changePassword.confirmMismatch')
    setErrors(found)
    if (found.password || found.repeat) {
      ;(found.password ? passwordRef : repeatRef).current?.focus()
      return
    }
    confirm.mutate(
      { token, new_password: password },
      {
        onSuccess: () =>
          void navigate('/accedi', { replace: true, state: flashState('passwordReset') }),
      },
    )
  }

  const type = show ? 'text' : 'password'
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('reset.title')} lead={t('reset.lead')} />
        {tokenError ? (
          <Notice color="danger" role="alert">
            <p className="mb-1">{tokenError}</p>
            <p className="mb-0">
              <Link to="/recupera-password">{t('reset.requestNew')}</Link>
            </p>
          </Notice>
        ) : null}
        {otherError ? <ProblemAlert error={confirm.error} context={t('reset.failed')} /> : null}
        <form
          noValidate
          onSubmit={onSubmit}
          className="change-password-form"
          aria-label={t('reset.title')}
        >
          <TextField
            ref={passwordRef}
            id="reset-password"
            name="new_password"
            type={type}
            label={t('changePassword.new')}
            error={errors.password ?? server.new_password}
            describedBy={[RULES_ID]}
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value)
              setErrors((x) => ({ ...x, password: undefined }))
            }}
            autoComplete="new-password"
            autoCapitalize="none"
            spellCheck={false}
          />
          <PasswordRules id={RULES_ID} password={password} />
          <TextField
            ref={repeatRef}
            id="reset-password-repeat"
            name="confirm_password"
            type={type}
            label={t('changePassword.confirm')}
            error={errors.repeat}
            required
            value={repeat}
            onChange={(e) => {
              setRepeat(e.target.value)
              setErrors((x) => ({ ...x, repeat: undefined }))
            }}
            autoComplete="new-password"
            autoCapitalize="none"
            spellCheck={false}
          />
          <CheckboxField
            id="reset-show"
            label={t('changePassword.show')}
            checked={show}
            onChange={(e) => setShow(e.target.checked)}
          />
          <Button color="primary" type="submit" className="mt-3" disabled={confirm.isPending}>
            {confirm.isPending ? t('changePassword.submitting') : t('reset.submit')}
          </Button>
        </form>
      </div>
    </div>
  )
}
