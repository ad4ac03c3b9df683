import { Badge, Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/lib/format'
import { registryDate, todayIso } from '@/lib/registryDates'
import type { Certificate } from '../api/useIssueCertificate'

interface CertificateTableProps {
  certificates: Certificate[]
  caption: string
  downloading: string | null
  onDownload: (id: string) => void
  onEmail: (id: string) => void
}

/** What a certificate is worth today: revoked, expired (art. 41: six months), or valid. */
function standing(certificate: Certificate, today: string): 'valid' | 'expired' | 'revoked' {
  if (certificate.status === 'revoked') return 'revoked'
  return certificate.valid_until < today ? 'expired' : 'valid'
}

const BADGE_COLOR = { valid: 'success', expired: 'secondary', revoked: 'danger' } as const

/** The certificates one has requested, newest first, each downloadable and sendable again. */
export function CertificateTable({
  certificates,
  caption,
  downloading,
  onDownload,
  onEmail,
}: CertificateTableProps) {
  const { t, i18n } = useTranslation()
  const today = todayIso()
  return (
    <div className="table-responsive">
      <table className="table certificate-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('certificates.columns.issuedAt')}</th>
            <th scope="col">{t('certificates.columns.type')}</th>
            <th scope="col">{t('certificates.columns.subject')}</th>
            <th scope="col">{t('certificates.columns.usage')}</th>
            <th scope="col">{t('certificates.columns.id')}</th>
            <th scope="col">{t('certificates.columns.status')}</th>
            <th scope="col">{t('certificates.columns.validUntil')}</th>
            <th scope="col">{t('certificates.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => {
            const state = standing(certificate, today)
            return (
              <tr key={certificate.id}>
                <td className="text-nowrap">
                  {formatDateTime(certificate.issued_at, i18n.language)}
                </td>
                <th scope="row">{certificate.type_name}</th>
                <td>
                  {certificate.subject_surname} {certificate.subject_name}
                </td>
                <td>
                  {certificate.usage_description}
                  {certificate.usage_text ? `: ${certificate.usage_text}` : null}
                </td>
                <td className="font-monospace text-nowrap">{certificate.id}</td>
                <td>
                  <Badge color={BADGE_COLOR[state]}>{t(`certificates.status.${state}`)}</Badge>
                </td>
                <td>{registryDate(certificate.valid_until)}</td>
                <td>
                  <div className="d-flex flex-column gap-2">
                    <Button
                      color="primary"
                      size="xs"
                      type="button"
                      disabled={downloading === certificate.id}
                      onClick={() => onDownload(certificate.id)}
                    >
                      {t('certificates.download')}
                      <span className="visually-hidden"> {certificate.id}</span>
                    </Button>
                    <Button
                      color="primary"
                      outline
                      size="xs"
                      type="button"
                      data-certificate={certificate.id}
                      onClick={() => onEmail(certificate.id)}
                    >
                      {t('certificates.emailShort')}
                      <span className="visually-hidden"> {certificate.id}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
