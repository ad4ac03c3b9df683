import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DocumentArchive } from '@/components/DocumentArchive'
import { PageHeading } from '@/components/PageHeading'
import { SelectField } from '@/components/SelectField'
import { useCertificates } from '../api/useCertificates'
import { useCertificateTypes } from '../api/useCertificateTypes'
import { useDownloadCertificate } from '../api/useDownloadCertificate'
import { CertificateTable } from '../components/CertificateTable'
import { EmailCertificateForm } from '../components/EmailCertificateForm'

/**
 * /certificati — "I miei certificati": every certificate requested, to download or send
 * again, narrowed by category (Anagrafe, Stato civile) as the office's archive is (seed 001
 * §5) once the type catalogue has said which type is in which.
 */
export function MyCertificatesPage() {
  const { t } = useTranslation()
  const certificates = useCertificates()
  const download = useDownloadCertificate()
  const types = useCertificateTypes()
  const [category, setCategory] = useState('')
  const groupOf = new Map((types.data?.items ?? []).map((type) => [type.code, type.group]))
  const categories = [
    ...new Map((types.data?.items ?? []).map((type) => [type.group, type.group_name])),
  ]
  const inCategory = <C extends { type: string }>(items: C[]) =>
    category === '' ? items : items.filter((item) => groupOf.get(item.type) === category)

  return (
    <>
      <PageHeading title={t('certificates.listTitle')} lead={t('certificates.listLead')} />
      <p>
        <Link to="/famiglia" className="btn btn-primary">
          {t('certificates.requestNew')}
        </Link>
      </p>
      {categories.length > 1 && (certificates.data?.items.length ?? 0) > 0 ? (
        <div className="certificate-category-filter">
          <SelectField
            id="certificate-category"
            label={t('certificates.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
          >
            <option value="">{t('certificates.allCategories')}</option>
            {categories.map(([group, name]) => (
              <option key={group} value={group}>
                {name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
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
        table={(rows) => {
          const shown = inCategory(rows.items)
          return shown.length === 0 ? (
            <p role="status">{t('certificates.noneInCategory')}</p>
          ) : (
            <CertificateTable
              certificates={shown}
              caption={t('certificates.listCaption', { count: shown.length })}
              downloading={rows.downloading}
              onDownload={rows.onDownload}
              onEmail={rows.onEmail}
            />
          )
        }}
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
