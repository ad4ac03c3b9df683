import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { EmailSentNotice } from '@/components/EmailSentNotice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useEmailFromList } from '@/lib/useEmailFromList'
import { useCertificates } from '../api/useCertificates'
import { useDownloadCertificate } from '../api/useDownloadCertificate'
import { CertificateTable } from '../components/CertificateTable'
import { EmailCertificateForm } from '../components/EmailCertificateForm'

/** /certificati — "I miei certificati": every certificate requested, to download or send again. */
export function MyCertificatesPage() {
  const { t } = useTranslation()
  const certificates = useCertificates()
  const download = useDownloadCertificate()
  const email = useEmailFromList('data-certificate')
  const { emailing, sent } = email
  const items = certificates.data?.items ?? []

  return (
    <>
      <PageHeading title={t('certificates.listTitle')} lead={t('certificates.listLead')} />
      <p>
        <Link to="/famiglia" className="btn btn-primary">
          {t('certificates.requestNew')}
        </Link>
      </p>
      <div role="status">
        {download.isSuccess ? (
          <Notice color="info">{t('certificates.downloaded', { file: download.data })}</Notice>
        ) : null}
        {sent ? <EmailSentNotice sent={sent} textsPrefix="certificates.email" /> : null}
      </div>
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('certificates.downloadFailed')} />
      ) : null}
      {certificates.isError ? (
        <ProblemAlert error={certificates.error} context={t('certificates.listFailed')} />
      ) : !certificates.data ? (
        <Loading label={t('certificates.listLoading')} />
      ) : items.length === 0 ? (
        <p>{t('certificates.listEmpty')}</p>
      ) : (
        <CertificateTable
          certificates={items}
          caption={t('certificates.listCaption', { count: items.length })}
          downloading={download.isPending ? (download.variables ?? null) : null}
          onDownload={(id) => {
            email.clearSent()
            download.mutate(id)
          }}
          onEmail={(id) => {
            download.reset()
            email.open(id)
          }}
        />
      )}
      {emailing ? (
        <EmailCertificateForm
          key={emailing}
          certificateId={emailing}
          title={t('certificates.email.titleFor', { id: emailing })}
          headingLevel={2}
          onSent={email.done}
          onCancel={email.cancel}
        />
      ) : null}
    </>
  )
}
