import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { CheckboxField } from '@/components/CheckboxField'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { flashState } from '@/lib/flash'
import { useConfirmPasswordReset } from '../api/useConfirmPasswordReset'
import { usePasswordPolicy } from '../api/usePasswordPolicy'
import {
  checkNewPassword,
  type NewPassword,
  type NewPasswordErrors,
  NewPasswordFields,
} from '../components/NewPasswordFields'

/**
 * /reimposta-password?token=… — where the e-mailed link leads: a new password, checked as
 * one types, then the login. The invitation of a new staff account (`&invito=1`) uses the
 * same link and says so.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const invited = params.get('invito') === '1'
  const navigate = useNavigate()
  const confirm = useConfirmPasswordReset()
  const policy = usePasswordPolicy()
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' })
  const [show, setShow] = useState(false)
  const [errors, setErrors] = useState<NewPasswordErrors>({})
  const passwordRef = useRef<HTMLInputElement>(null)
  const confirmRef = useRef<HTMLInputElement>(null)

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
    const found = checkNewPassword(value, policy, t)
    setErrors(found)
    if (found.password || found.confirm) {
      ;(found.password ? passwordRef : confirmRef).current?.focus()
      return
    }
    confirm.mutate(
      { token, new_password: value.password },
      {
        onSuccess: () =>
          void navigate('/accedi', { replace: true, state: flashState('passwordReset') }),
      },
    )
  }

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading
          title={t(invited ? 'reset.inviteTitle' : 'reset.title')}
          lead={t(invited ? 'reset.inviteLead' : 'reset.lead')}
        />
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
          <NewPasswordFields
            idPrefix="reset-password"
            value={value}
            errors={{ password: errors.password ?? server.new_password, confirm: errors.confirm }}
            onChange={(field, typed) => {
              setValue((v) => ({ ...v, [field]: typed }))
              setErrors((x) => ({ ...x, [field]: undefined }))
            }}
            policy={policy}
            visible={show}
            passwordRef={passwordRef}
            confirmRef={confirmRef}
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
