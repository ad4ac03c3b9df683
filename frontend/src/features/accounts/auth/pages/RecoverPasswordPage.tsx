import { Button } from 'design-react-kit'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { useRequestPasswordReset } from '../api/useRequestPasswordReset'

type Field = 'identifier' | 'email'

/**
 * /recupera-password — the user id (codice fiscale or, for staff, user name: the server tells
 * them apart) and the account's e-mail address; a single-use link
 * to choose a new password arrives by e-mail. The answer never says whether an account
 * matched.
 */
export function RecoverPasswordPage() {
  const { t } = useTranslation()
  const request = useRequestPasswordReset()
  const [values, setValues] = useState<Record<Field, string>>({ identifier: '', email: '' })
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({})
  const identifierRef = useRef<HTMLInputElement>(null)
  const emailRef = useRef<HTMLInputElement>(null)

  const server = fieldErrorsOf(request.error)
  const errorOf = (field: Field) => {
    if (missing[field])
      return t(field === 'email' ? 'recover.emailRequired' : 'login.userIdRequired')
    return server[field === 'email' ? 'email' : 'user_id']
  }
  const otherError = request.isError && Object.keys(server).length === 0

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setMissing((m) => ({ ...m, [field]: false }))
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const identifier = values.identifier.trim()
    const email = values.email.trim()
    const found = { identifier: identifier === '', email: email === '' }
    setMissing(found)
    if (found.identifier || found.email) {
      ;(found.identifier ? identifierRef : emailRef).current?.focus()
      return
    }
    request.mutate({ user_id: identifier, email })
  }

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading title={t('recover.title')} lead={t('recover.lead')} />
        <div role="status">
          {request.isSuccess ? (
            <Notice color="success">
              <p className="mb-1">{request.data.message}</p>
              <p className="mb-0">{t('recover.checkSpam')}</p>
            </Notice>
          ) : null}
        </div>
        {otherError ? <ProblemAlert error={request.error} context={t('recover.failed')} /> : null}
        <form noValidate onSubmit={onSubmit} className="login-form" aria-label={t('recover.title')}>
          <TextField
            ref={identifierRef}
            id="recover-identifier"
            name="user_id"
            label={t('login.userId')}
            hint={t('login.userIdHint')}
            error={errorOf('identifier')}
            required
            value={values.identifier}
            onChange={(e) => set('identifier')(e.target.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
          />
          <TextField
            ref={emailRef}
            id="recover-email"
            name="email"
            type="email"
            label={t('recover.email')}
            hint={t('recover.emailHint')}
            error={errorOf('email')}
            required
            value={values.email}
            onChange={(e) => set('email')(e.target.value)}
            autoComplete="email"
            spellCheck={false}
            maxLength={254}
          />
          <Button color="primary" type="submit" disabled={request.isPending}>
            {request.isPending ? t('recover.submitting') : t('recover.submit')}
          </Button>
        </form>
        <p className="mt-4">
          <Link to="/accedi">{t('recover.backToLogin')}</Link>
        </p>
        <p>
          {t('recover.noEmail')} <Link to="/contatti">{t('login.contactsLink')}</Link>
        </p>
      </div>
    </div>
  )
}
