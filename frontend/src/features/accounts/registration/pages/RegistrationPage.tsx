import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import type { RegistrationAccepted } from '../api/useRegister'
import { RegistrationForm } from '../components/RegistrationForm'

/**
 * /registrazione — seed 001 §2: the form, then what comes next (the password by e-mail,
 * the identification at the Sportello Unico, the new password at the first login).
 */
export function RegistrationPage() {
  const { t } = useTranslation()
  const [done, setDone] = useState<{ accepted: RegistrationAccepted; email: string } | null>(null)
  const doneRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (done) {
      window.scrollTo({ top: 0 })
      doneRef.current?.focus()
    }
  }, [done])

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <PageHeading title={t('registration.title')} lead={t('registration.lead')} />
        {done ? (
          <section aria-labelledby="registration-done" className="registration-done">
            <h2 id="registration-done" className="h3" tabIndex={-1} ref={doneRef}>
              {t('registration.done.title')}
            </h2>
            <Notice color="success">{done.accepted.next_steps}</Notice>
            <h3 className="h5">{t('registration.done.nextTitle')}</h3>
            <ol>
              <li>{t('registration.done.step1', { email: done.email })}</li>
              <li>
                {t('registration.done.step2')}{' '}
                <Link to="/contatti">{t('registration.done.hoursLink')}</Link>
              </li>
              <li>{t('registration.done.step3')}</li>
            </ol>
            <p>
              <Link to="/accedi">{t('registration.toLogin')}</Link>
            </p>
          </section>
        ) : (
          <RegistrationForm onRegistered={(accepted, email) => setDone({ accepted, email })} />
        )}
      </div>
    </div>
  )
}
