import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { formatDate, formatDateTime } from '@/lib/format'
import {
  type CertificateQuery,
  type CertificateStatus,
  useCertificateStatus,
} from '../api/useCertificateStatus'
import { DocumentLinks } from './DocumentLinks'

const STATUS_COLOR = {
  valid: 'success',
  expired: 'warning',
  revoked: 'danger',
  invalid: 'danger',
} as const

type StatusKind = keyof typeof STATUS_COLOR

/** The answer's status; one this page does not know is shown as not valid, never as valid. */
function statusKind(status: CertificateStatus): StatusKind {
  if (status.status === 'valid' || status.status === 'expired' || status.status === 'revoked') {
    return status.valid === (status.status === 'valid') ? status.status : 'invalid'
  }
  return 'invalid'
}

/** A day (`YYYY-MM-DD`) or a recorded moment, whichever the server sent. */
function formatWhen(value: string, language: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDate(value, language)
    : formatDateTime(value, language)
}

function StatusDetails({ status }: { status: CertificateStatus }) {
  const { t, i18n } = useTranslation()
  const kind = statusKind(status)
  return (
    <>
      <Notice color={STATUS_COLOR[kind]}>
        <p className="fw-semibold mb-1">{t(`verification.status.${kind}.title`)}</p>
        <p className="mb-0">
          {t(`verification.status.${kind}.text`, {
            date: formatWhen(status.valid_until, i18n.language),
          })}
        </p>
      </Notice>
      <dl className="decoded-data">
        <div>
          <dt>{t('verification.status.id')}</dt>
          <dd className="font-monospace">{status.id}</dd>
        </div>
        <div>
          <dt>{t('verification.status.type')}</dt>
          <dd>{status.type_name}</dd>
        </div>
        <div>
          <dt>{t('verification.status.subject')}</dt>
          <dd>
            {status.subject_surname} {status.subject_name}
          </dd>
        </div>
        <div>
          <dt>{t('verification.status.issuedAt')}</dt>
          <dd>{formatWhen(status.issued_at, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('verification.status.validUntil')}</dt>
          <dd>{formatWhen(status.valid_until, i18n.language)}</dd>
        </div>
      </dl>
    </>
  )
}

interface CertificateStatusPanelProps {
  query: CertificateQuery
  /** Called with the answer, for pages that compare it with what they already know. */
  children?: (status: CertificateStatus) => ReactNode
}

/** What the municipality's archive says about a certificate, and its stored document. */
export function CertificateStatusPanel({ query, children }: CertificateStatusPanelProps) {
  const { t } = useTranslation()
  const status = useCertificateStatus(query)
  if (status.isPending) return <Loading label={t('verification.status.loading')} />
  if (status.isError) {
    const httpStatus = status.error instanceof ApiError ? status.error.status : 0
    // The same answer for an unknown ID and for wrong names: nothing to tell them apart.
    if (httpStatus === 404)
      return (
        <Notice color="danger" role="alert">
          {t('verification.status.notFound')}
        </Notice>
      )
    if (httpStatus === 429)
      return (
        <ProblemAlert
          error={status.error}
          color="warning"
          context={t('verification.status.tooMany')}
        />
      )
    return <ProblemAlert error={status.error} context={t('verification.status.failed')} />
  }
  return (
    <>
      <StatusDetails status={status.data} />
      {children?.(status.data)}
      <DocumentLinks query={query} />
    </>
  )
}
