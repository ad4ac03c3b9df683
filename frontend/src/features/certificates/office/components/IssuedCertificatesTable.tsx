import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@/lib/format'
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

/** One page of the certificates issued, with who they are about and who asked for them. */
export function IssuedCertificatesTable({
  certificates,
  caption,
  downloadingId,
  onDownload,
  onRevoke,
}: IssuedCertificatesTableProps) {
  const { t, i18n } = useTranslation()
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
    <div className="table-responsive">
      <table className="table admin-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('certificateOffice.columns.issuedAt')}</th>
            <th scope="col">{t('certificateOffice.columns.id')}</th>
            <th scope="col">{t('certificateOffice.columns.type')}</th>
            <th scope="col">{t('certificateOffice.columns.subject')}</th>
            <th scope="col">{t('certificateOffice.columns.requester')}</th>
            <th scope="col">{t('certificateOffice.columns.usage')}</th>
            <th scope="col">{t('certificateOffice.columns.validUntil')}</th>
            <th scope="col">{t('certificateOffice.columns.status')}</th>
            <th scope="col">{t('certificateOffice.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {certificates.map((certificate) => {
            const standing = standingOf(certificate, today)
            return (
              <tr key={certificate.id} data-certificate={certificate.id}>
                <td className="text-nowrap">
                  {formatDateTime(certificate.issued_at, i18n.language)}
                </td>
                <th scope="row" className="identifier text-nowrap">
                  {certificate.id}
                </th>
                <td>{certificate.type_name}</td>
                <td>
                  {certificate.subject_surname} {certificate.subject_name}
                  <br />
                  <span className="identifier">{certificate.subject_fiscal_code}</span>
                </td>
                <td>
                  {isRequesterKind(certificate.requester)
                    ? t(`certificateOffice.requesters.${certificate.requester}`)
                    : certificate.requester}
                  {certificate.reason ? (
                    <>
                      <br />
                      <small>
                        {t('certificateOffice.requestReason', { reason: certificate.reason })}
                      </small>
                    </>
                  ) : null}
                </td>
                <td>
                  <span title={certificate.usage_description}>
                    {usageLabel(usageSummary(certificate, usages.data))}
                  </span>
                </td>
                <td className="text-nowrap">{registryDate(certificate.valid_until)}</td>
                <td>
                  <span className={`badge ${BADGES[standing]}`}>
                    {t(`certificateOffice.standing.${standing}`)}
                  </span>
                </td>
                <td>
                  <div className="d-flex flex-column gap-2">
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
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
