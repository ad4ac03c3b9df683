import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { flashState } from '@/lib/flash'
import { session, type SessionUser, useSession } from '@/lib/session'
import { ChangePasswordForm } from '../components/ChangePasswordForm'
import { redirectTarget } from '../redirect'

interface ChangePasswordPageProps {
  /** Where the user goes after the forced change when no page asked for the login. */
  landing: (user: SessionUser) => string
}

/**
 * /cambio-password — from the profile (seed 000), and forced at the first login (seed 001):
 * until then the application sends every page here.
 */
export function ChangePasswordPage({ landing }: ChangePasswordPageProps) {
  const { t } = useTranslation()
  const { user } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  // Decided when the page opens: the session changes under it once the change succeeds.
  const [forced] = useState(() => user?.mustChangePassword ?? false)
  const [done, setDone] = useState(false)

  const onChanged = () => {
    const current = session.getSnapshot().user
    if (forced && current) {
      const target = redirectTarget(location.state) ?? landing(current)
      void navigate(target, { replace: true, state: flashState('passwordChanged') })
    } else {
      setDone(true)
    }
  }

  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <PageHeading
          title={t(forced ? 'changePassword.titleForced' : 'changePassword.title')}
          lead={t(forced ? 'changePassword.leadForced' : 'changePassword.lead')}
        />
        {forced ? (
          <Notice color="info">
            <p className="fw-semibold mb-1">{t('changePassword.forcedNoticeTitle')}</p>
            <p className="mb-0">{t('changePassword.forcedNotice')}</p>
          </Notice>
        ) : null}
        <div role="status">
          {done ? (
            <Notice color="success">
              <p className="mb-1">{t('changePassword.success')}</p>
              <p className="mb-0">
                <Link to="/profilo">{t('changePassword.backToProfile')}</Link>
              </p>
            </Notice>
          ) : null}
        </div>
        <ChangePasswordForm
          forced={forced}
          loginName={user?.loginName ?? ''}
          onChanged={onChanged}
        />
        {!forced ? (
          <p className="mt-4">
            <Link to="/profilo">{t('changePassword.cancel')}</Link>
          </p>
        ) : null}
      </div>
    </div>
  )
}
