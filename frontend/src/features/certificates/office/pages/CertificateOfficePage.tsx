import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { ApiError } from '@/lib/api/problem'
import { hasPermission, PERMISSIONS, useSession } from '@/lib/session'
import { useDownloadIssuedCertificate } from '../api/useDownloadIssuedCertificate'
import {
  type IssuedCertificate,
  PER_PAGE,
  useIssuedCertificates,
} from '../api/useIssuedCertificates'
import { useRevokeCertificate } from '../api/useRevokeCertificate'
import { CertificateSearch } from '../components/CertificateSearch'
import { IssuedCertificatesTable } from '../components/IssuedCertificatesTable'
import { RevokeCertificateForm } from '../components/RevokeCertificateForm'

type Outcome = { kind: 'downloaded'; file: string } | { kind: 'revoked'; id: string }

/** The address of a page of the list: `?cerca=…&pagina=…`, each only when it says something. */
function listAddress(page: number, search: string) {
  const params = new URLSearchParams()
  if (search) params.set('cerca', search)
  if (page > 1) params.set('pagina', String(page))
  const query = params.toString()
  return { search: query ? `?${query}` : '' }
}

/** The server's message on the search text, when it refused it (422 on `q`). */
function searchRefusalOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  return error.problem.errors?.find((e) => e.field === 'q')?.message ?? null
}

/** The server's message on the reason, when it refused the reason itself (422). */
function reasonRefusalOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null
  return error.problem.errors?.find((e) => e.field === 'reason')?.message ?? null
}

/**
 * /backoffice/certificati — every certificate the office has issued (`registry.read`),
 * newest first, to download again; valid ones may be revoked with a reason by those with
 * `certificates.revoke`. A certificate is found by its ID or by a codice fiscale (of the
 * person it is about or of who asked for it).
 */
export function CertificateOfficePage() {
  const { t } = useTranslation()
  const { user } = useSession()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const pageParam = Number(params.get('pagina'))
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1
  const search = params.get('cerca')?.trim() ?? ''
  const certificates = useIssuedCertificates(page, search)
  const searchRefusal = certificates.isError ? searchRefusalOf(certificates.error) : null
  const download = useDownloadIssuedCertificate()
  const revoke = useRevokeCertificate()
  const [revoking, setRevoking] = useState<IssuedCertificate | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // A refusal that ends the revocation (already revoked, not found) is shown above the table.
  const [refusal, setRefusal] = useState<unknown>(null)
  const outcomeRef = useRef<HTMLDivElement>(null)
  const mayRevoke = hasPermission(user, PERMISSIONS.revokeCertificates)
  const items = certificates.data?.items ?? []
  const hasNext = items.length === PER_PAGE

  const clearMessages = () => {
    setOutcome(null)
    setRefusal(null)
    download.reset()
  }
  const backToRow = (id: string) =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-revoke="${id}"]`)?.focus(),
    )
  const confirmRevocation = (certificate: IssuedCertificate, reason: string) =>
    revoke.mutate(
      { id: certificate.id, reason },
      {
        onSuccess: (revoked) => {
          setRevoking(null)
          setOutcome({ kind: 'revoked', id: revoked.id })
          outcomeRef.current?.focus()
        },
        onError: (error) => {
          if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
            setRevoking(null)
            setRefusal(error)
          }
        },
      },
    )
  const formError = revoke.isError && reasonRefusalOf(revoke.error) === null ? revoke.error : null

  return (
    <>
      <PageHeading title={t('certificateOffice.title')} lead={t('certificateOffice.lead')} />
      <CertificateSearch
        search={search}
        refusal={searchRefusal}
        onSearch={(next) => {
          clearMessages()
          setRevoking(null)
          navigate(listAddress(1, next))
        }}
      />
      <div ref={outcomeRef} tabIndex={-1} role="status" className="outcome-region">
        {outcome?.kind === 'revoked' ? (
          <Notice color="success">{t('certificateOffice.revoked', { id: outcome.id })}</Notice>
        ) : null}
        {outcome?.kind === 'downloaded' ? (
          <Notice color="info">{t('certificateOffice.downloaded', { file: outcome.file })}</Notice>
        ) : null}
      </div>
      {refusal ? (
        <ProblemAlert error={refusal} context={t('certificateOffice.revokeFailed')} />
      ) : null}
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('certificateOffice.downloadFailed')} />
      ) : null}
      {searchRefusal ? null : certificates.isError ? (
        <ProblemAlert error={certificates.error} context={t('certificateOffice.loadFailed')} />
      ) : !certificates.data ? (
        <Loading label={t('certificateOffice.loading')} />
      ) : items.length === 0 ? (
        <p role="status">
          {page > 1
            ? t('certificateOffice.emptyPage')
            : search
              ? t('certificateOffice.search.noResults', { search: search.toUpperCase() })
              : t('certificateOffice.empty')}
        </p>
      ) : (
        <IssuedCertificatesTable
          certificates={items}
          caption={t(search ? 'certificateOffice.search.caption' : 'certificateOffice.caption', {
            // IDs and codici fiscali are written in capitals, whatever was typed.
            search: search.toUpperCase(),
            from: (page - 1) * PER_PAGE + 1,
            to: (page - 1) * PER_PAGE + items.length,
          })}
          downloadingId={download.isPending ? (download.variables ?? null) : null}
          onDownload={(certificate) => {
            clearMessages()
            download.mutate(certificate.id, {
              onSuccess: (file) => setOutcome({ kind: 'downloaded', file }),
            })
          }}
          onRevoke={
            mayRevoke
              ? (certificate) => {
                  clearMessages()
                  revoke.reset()
                  setRevoking(certificate)
                }
              : null
          }
        />
      )}
      {page > 1 || hasNext ? (
        <nav aria-label={t('certificateOffice.pages')} className="d-flex gap-3 my-4">
          {page > 1 ? (
            <Link
              to={listAddress(page - 1, search)}
              className="btn btn-outline-primary"
              onClick={clearMessages}
            >
              {t('certificateOffice.previous')}
            </Link>
          ) : null}
          {hasNext ? (
            <Link
              to={listAddress(page + 1, search)}
              className="btn btn-outline-primary"
              onClick={clearMessages}
            >
              {t('certificateOffice.next')}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {revoking ? (
        <RevokeCertificateForm
          key={revoking.id}
          certificate={revoking}
          busy={revoke.isPending}
          reasonRefusal={revoke.isError ? reasonRefusalOf(revoke.error) : null}
          error={formError}
          onConfirm={(reason) => confirmRevocation(revoking, reason)}
          onCancel={() => {
            const id = revoking.id
            setRevoking(null)
            revoke.reset()
            backToRow(id)
          }}
        />
      ) : null}
    </>
  )
}
