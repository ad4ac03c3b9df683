import { Badge, Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
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
  const { t } = useTranslation()
  const today = todayIso()
  return (
    <DataTable
      caption={caption}
      className="certificate-table"
      stackBelow="wide"
      rows={certificates}
      rowKey={(certificate) => certificate.id}
      columns={[
        {
          key: 'issuedAt',
          header: t('certificates.columns.issuedAt'),
          cell: (certificate) => <DateTimeText utc={certificate.issued_at} />,
        },
        {
          key: 'type',
          header: t('certificates.columns.type'),
          rowHeader: true,
          cell: (certificate) => certificate.type_name,
        },
        {
          key: 'subject',
          header: t('certificates.columns.subject'),
          cell: (certificate) => `${certificate.subject_surname} ${certificate.subject_name}`,
        },
        {
          key: 'usage',
          header: t('certificates.columns.usage'),
          cell: (certificate) =>
            certificate.usage_text
              ? `${certificate.usage_description}: ${certificate.usage_text}`
              : certificate.usage_description,
        },
        {
          key: 'id',
          header: t('certificates.columns.id'),
          className: 'identifier text-nowrap',
          cell: (certificate) => certificate.id,
        },
        {
          key: 'status',
          header: t('certificates.columns.status'),
          cell: (certificate) => {
            const state = standing(certificate, today)
            return <Badge color={BADGE_COLOR[state]}>{t(`certificates.status.${state}`)}</Badge>
          },
        },
        {
          key: 'validUntil',
          header: t('certificates.columns.validUntil'),
          cell: (certificate) => registryDate(certificate.valid_until),
        },
        {
          key: 'actions',
          header: t('certificates.columns.actions'),
          actions: true,
          cell: (certificate) => (
            <div className="table-actions">
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
          ),
        },
      ]}
    />
  )
}
