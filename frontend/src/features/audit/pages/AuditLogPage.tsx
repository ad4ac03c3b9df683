import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { Pagination } from '@/components/Pagination'
import { ProblemAlert } from '@/components/ProblemAlert'
import { useAuditActions } from '../api/useAuditActions'
import { PER_PAGE, useAuditLog } from '../api/useAuditLog'
import { useExportAuditLog } from '../api/useExportAuditLog'
import { useVerifyChain } from '../api/useVerifyChain'
import { AuditFilters } from '../components/AuditFilters'
import { AuditTable } from '../components/AuditTable'
import { ChainVerdictNotice } from '../components/ChainVerdictNotice'
import { filterFromParams, isFiltered, pageFromParams, paramsFor } from '../filters'

/**
 * /backoffice/registro-accessi — the log viewer (seed 001 "Log Viewer"): who did what, to
 * whom, when, from where and why; filtered, paged, exported as CSV, and its hash chain
 * verified on request.
 */
export function AuditLogPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const filter = filterFromParams(params)
  const page = pageFromParams(params)
  const log = useAuditLog(filter, page)
  const actions = useAuditActions()
  const exportCsv = useExportAuditLog()
  const verify = useVerifyChain()
  const resultRef = useRef<HTMLDivElement>(null)
  // The result is read out and the keyboard continues from it.
  const focusResult = () => resultRef.current?.focus()

  const total = log.data?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE))
  const caption = log.data
    ? t(isFiltered(filter) ? 'admin.audit.countFiltered' : 'admin.audit.count', { count: total }) +
      (pageCount > 1 ? ` ${t('admin.audit.pageOf', { page, pages: pageCount })}` : '')
    : ''

  return (
    <>
      <PageHeading title={t('admin.audit.title')} lead={t('admin.audit.lead')} />
      <div className="d-flex flex-wrap gap-3 mb-3">
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={exportCsv.isPending}
          onClick={() => {
            verify.reset()
            exportCsv.mutate(filter, { onSuccess: focusResult })
          }}
        >
          {exportCsv.isPending ? t('admin.audit.exporting') : t('admin.audit.export')}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={verify.isPending}
          onClick={() => {
            exportCsv.reset()
            verify.mutate(undefined, { onSuccess: focusResult })
          }}
        >
          {verify.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </button>
      </div>
      <div ref={resultRef} tabIndex={-1} role="status" className="outcome-region">
        {exportCsv.isSuccess ? (
          <Notice color="success">{t('admin.audit.exported', { file: exportCsv.data })}</Notice>
        ) : null}
        {verify.data ? <ChainVerdictNotice verdict={verify.data} /> : null}
      </div>
      {exportCsv.isError ? (
        <ProblemAlert error={exportCsv.error} context={t('admin.audit.exportFailed')} />
      ) : null}
      {verify.isError ? (
        <ProblemAlert error={verify.error} context={t('admin.audit.verifyFailed')} />
      ) : null}
      <AuditFilters
        key={params.toString()}
        filter={filter}
        actions={actions.data?.actions}
        onApply={(next) => setParams(paramsFor(next))}
      />
      {log.isError ? (
        <ProblemAlert error={log.error} context={t('admin.audit.loadFailed')} />
      ) : !log.data ? (
        <Loading label={t('admin.audit.loading')} />
      ) : log.data.entries.length === 0 ? (
        <p role="status">{caption}</p>
      ) : (
        <>
          <AuditTable
            entries={log.data.entries}
            actions={actions.data?.actions}
            caption={caption}
          />
          <Pagination
            page={page}
            pageCount={pageCount}
            label={t('admin.audit.pages')}
            linkTo={(p) => ({ search: `?${paramsFor(filter, p).toString()}` })}
          />
        </>
      )}
    </>
  )
}
