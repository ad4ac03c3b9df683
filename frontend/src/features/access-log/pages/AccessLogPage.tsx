import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useAccessLog } from '../api/useAccessLog'
import { AccessLogTable } from '../components/AccessLogTable'

/** "Chi ha consultato i miei dati": the GDPR transparency page of the signed-in person. */
export function AccessLogPage() {
  const { t } = useTranslation()
  const log = useAccessLog()
  return (
    <>
      <PageHeading title={t('accessLog.title')} lead={t('accessLog.lead')} />
      <section aria-labelledby="access-log-about" className="mb-4">
        <h2 id="access-log-about" className="h4">
          {t('accessLog.aboutTitle')}
        </h2>
        <p>{t('accessLog.about')}</p>
        <p>{t('accessLog.recorded')}</p>
        <p>
          {t('accessLog.concerns')} <Link to="/privacy">{t('accessLog.privacyLink')}</Link> ·{' '}
          <Link to="/contatti">{t('accessLog.contactsLink')}</Link>
        </p>
      </section>
      <section aria-labelledby="access-log-entries">
        <h2 id="access-log-entries" className="h4">
          {t('accessLog.entriesTitle')}
        </h2>
        {log.isError ? (
          <ProblemAlert error={log.error} context={t('accessLog.loadFailed')} />
        ) : !log.data ? (
          <Loading label={t('accessLog.loading')} />
        ) : log.data.length === 0 ? (
          <p role="status">{t('accessLog.empty')}</p>
        ) : (
          <AccessLogTable entries={log.data} caption={t('accessLog.caption')} />
        )}
      </section>
    </>
  )
}
