import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useProfile } from '@/lib/session'
import { ContactForm } from '../components/ContactForm'
import { IdentityData } from '../components/IdentityData'

/** /profilo — seed 000 "Modifica del Profilo": identity read-only, contacts editable. */
export function ProfilePage() {
  const { t } = useTranslation()
  const profile = useProfile()
  return (
    <>
      <PageHeading title={t('profile.title')} lead={t('profile.lead')} />
      {profile.isError ? (
        <ProblemAlert error={profile.error} context={t('profile.loadFailed')} />
      ) : !profile.data ? (
        <Loading label={t('profile.loading')} />
      ) : (
        <div className="row gy-4">
          <div className="col-12 col-lg-8">
            <section aria-labelledby="profile-identity-title" className="mb-5">
              <h2 id="profile-identity-title" className="h4">
                {t('profile.identityTitle')}
              </h2>
              <p>{t('profile.identityNote')}</p>
              <IdentityData profile={profile.data} />
            </section>
            <section aria-labelledby="profile-contacts-title">
              <h2 id="profile-contacts-title" className="h4">
                {t('profile.contactsTitle')}
              </h2>
              <p>{t('profile.contactsNote')}</p>
              <ContactForm key={profile.data.id} profile={profile.data} />
            </section>
          </div>
          <aside className="col-12 col-lg-4" aria-labelledby="profile-security-title">
            <div className="profile-aside p-4">
              <h2 id="profile-security-title" className="h5">
                {t('profile.securityTitle')}
              </h2>
              <p>{t('profile.securityText')}</p>
              <Link to="/cambio-password" className="btn btn-outline-primary">
                {t('profile.changePassword')}
              </Link>
            </div>
          </aside>
        </div>
      )}
    </>
  )
}
