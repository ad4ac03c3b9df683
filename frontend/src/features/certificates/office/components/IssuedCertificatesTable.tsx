import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { registryDate, todayIso } from '@/lib/registryDates'
import type { IssuedCertificate } from '../api/useIssuedCertificates'
import { useUsageCatalogue } from '../api/useUsageCatalogue'
import {
  isRequesterKind,
  type Standing,
  standingOf,
  type UsageSummary,
  usageSummary,
} from '../rules'

interface IssuedCertificatesTableProps {
  certificates: IssuedCertificate[]
  caption: string
  downloadingId: string | null
  onDownload: (certificate: IssuedCertificate) => void
  /** Offered on valid certificates to those who may revoke them. */
  onRevoke: ((certificate: IssuedCertificate) => void) | null
}

const BADGES: Record<Standing, string> = {
  valid: 'bg-success',
  expired: 'bg-secondary',
  revoked: 'bg-danger',
}

/** Who asked: the person by name and codice fiscale (user name for staff), then how they relate. */
function RequesterCell({ certificate }: { certificate: IssuedCertificate }) {
  const { t } = useTranslation()
  const who = certificate.requested_by
  const relation = isRequesterKind(certificate.requester)
    ? t(`certificateOffice.requesters.${certificate.requester}`)
    : certificate.requester
  // The holder asking for themselves is already named in the holder's column.
  const named = who && certificate.requester !== 'self'
  return (
    <>
      {named ? (
        <>
          {who.surname} {who.name}
          <br />
          <span className="identifier text-nowrap">{who.fiscal_code ?? who.username}</span>
          <br />
          <small>{relation}</small>
        </>
      ) : (
        relation
      )}
      {certificate.reason ? (
        <>
          <br />
          <small>{t('certificateOffice.requestReason', { reason: certificate.reason })}</small>
        </>
      ) : null}
    </>
  )
}

/** One page of the certificates issued, with who they are about and who asked for them. */
export function IssuedCertificatesTable({
  certificates,
  caption,
  downloadingId,
  onDownload,
  onRevoke,
}: IssuedCertificatesTableProps) {
  const { t } = useTranslation()
  const usages = useUsageCatalogue()
  const usageLabel = (summary: UsageSummary) =>
    summary.kind === 'stamp'
      ? t('certificateOffice.usage.stamp')
      : summary.kind === 'exempt'
        ? t('certificateOffice.usage.exempt', { reference: summary.reference })
        : summary.kind === 'other'
          ? t('certificateOffice.usage.other', { text: summary.text })
          : summary.text
  const today = todayIso()
  return (
    <DataTable
      caption={caption}
      className="admin-table"
      stackBelow="wide"
      rows={certificates}
      rowKey={(certificate) => certificate.id}
      rowProps={(certificate) => ({ 'data-certificate': certificate.id })}
      columns={[
        {
          key: 'id',
          header: t('certificateOffice.columns.id'),
          rowHeader: true,
          className: 'identifier text-nowrap',
          cell: (certificate) => certificate.id,
        },
        {
          key: 'certificate',
          header: t('certificateOffice.columns.type'),
          cell: (certificate) => (
            <>
              {certificate.type_name}
              <br />
              <small title={certificate.usage_description}>
                {usageLabel(usageSummary(certificate, usages.data))}
              </small>
            </>
          ),
        },
        {
          key: 'issuedAt',
          header: t('certificateOffice.columns.issuedAt'),
          cell: (certificate) => <DateTimeText utc={certificate.issued_at} />,
        },
        {
          key: 'subject',
          header: t('certificateOffice.columns.subject'),
          cell: (certificate) => (
            <>
              {certificate.subject_surname} {certificate.subject_name}
              <br />
              <span className="identifier text-nowrap">{certificate.subject_fiscal_code}</span>
            </>
          ),
        },
        {
          key: 'requester',
          header: t('certificateOffice.columns.requester'),
          cell: (certificate) => <RequesterCell certificate={certificate} />,
        },
        {
          key: 'status',
          header: t('certificateOffice.columns.status'),
          cell: (certificate) => {
            const standing = standingOf(certificate, today)
            return (
              <>
                <span className={`badge ${BADGES[standing]}`}>
                  {t(`certificateOffice.standing.${standing}`)}
                </span>
                <br />
                <small className="text-nowrap">
                  {t('certificateOffice.validUntil', {
                    date: registryDate(certificate.valid_until),
                  })}
                </small>
              </>
            )
          },
        },
        {
          key: 'actions',
          header: t('certificateOffice.columns.actions'),
          actions: true,
          cell: (certificate) => (
            <div className="table-actions">
              <button
                type="button"
                className="btn btn-primary btn-xs"
                disabled={downloadingId === certificate.id}
                onClick={() => onDownload(certificate)}
              >
                {downloadingId === certificate.id
                  ? t('certificateOffice.downloading')
                  : t('certificateOffice.download')}
                <span className="visually-hidden"> {certificate.id}</span>
              </button>
              {onRevoke && certificate.status === 'valid' ? (
                <button
                  type="button"
                  className="btn btn-outline-danger btn-xs"
                  data-revoke={certificate.id}
                  onClick={() => onRevoke(certificate)}
                >
                  {t('certificateOffice.revoke')}
                  <span className="visually-hidden"> {certificate.id}</span>
                </button>
              ) : null}
            </div>
          ),
        },
      ]}
    />
  )
}
