import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DocumentArchive } from '@/components/DocumentArchive'
import { PageHeading } from '@/components/PageHeading'
import { useCertificates } from '../api/useCertificates'
import { useDownloadCertificate } from '../api/useDownloadCertificate'
import { CertificateTable } from '../components/CertificateTable'
import { EmailCertificateForm } from '../components/EmailCertificateForm'

/** /certificati — "I miei certificati": every certificate requested, to download or send again. */
export function MyCertificatesPage() {
  const { t } = useTranslation()
  const certificates = useCertificates()
  const download = useDownloadCertificate()

  return (
    <>
      <PageHeading title={t('certificates.listTitle')} lead={t('certificates.listLead')} />
      <p>
        <Link to="/famiglia" className="btn btn-primary">
          {t('certificates.requestNew')}
        </Link>
      </p>
      <DocumentArchive
        list={certificates}
        download={download}
        rowAttribute="data-certificate"
        texts={{
          downloaded: (file) => t('certificates.downloaded', { file }),
          downloadFailed: t('certificates.downloadFailed'),
          listFailed: t('certificates.listFailed'),
          listLoading: t('certificates.listLoading'),
          listEmpty: t('certificates.listEmpty'),
          emailSentPrefix: 'certificates.email',
        }}
        table={(rows) => (
          <CertificateTable
            certificates={rows.items}
            caption={t('certificates.listCaption', { count: rows.items.length })}
            downloading={rows.downloading}
            onDownload={rows.onDownload}
            onEmail={rows.onEmail}
          />
        )}
        emailForm={({ id, onSent, onCancel }) => (
          <EmailCertificateForm
            certificateId={id}
            title={t('certificates.email.titleFor', { id })}
            headingLevel={2}
            onSent={onSent}
            onCancel={onCancel}
          />
        )}
      />
    </>
  )
}
