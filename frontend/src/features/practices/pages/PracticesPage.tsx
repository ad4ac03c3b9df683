import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { Loading } from '@/components/Loading'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { PracticeSummary } from '../api/types'
import { usePractices } from '../api/usePractices'

export const RESIDENCE_TYPE = 'cambio-residenza'

/**
 * /pratiche — "Stato richieste" (seed 000): the citizen's practices with their state,
 * protocol and dates, each opening its detail (a draft opens the wizard again).
 */
export function PracticesPage() {
  const { t } = useTranslation()
  const practices = usePractices({ perPage: 100 })
  const items = practices.data?.items ?? []
  return (
    <>
      <PageHeading title={t('practices.list.title')} lead={t('practices.list.lead')} />
      <p>
        <Link to={`/pratiche/nuova/${RESIDENCE_TYPE}`} className="btn btn-primary">
          {t('practices.list.newResidence')}
        </Link>
      </p>
      <section aria-labelledby="le-mie-pratiche" className="mt-5">
        <h2 className="h3" id="le-mie-pratiche">
          {t('practices.list.mine')}
        </h2>
        {practices.isError ? (
          <ProblemAlert error={practices.error} context={t('practices.list.failed')} />
        ) : !practices.data ? (
          <Loading label={t('practices.list.loading')} />
        ) : items.length === 0 ? (
          <p>{t('practices.list.empty')}</p>
        ) : (
          <DataTable<PracticeSummary>
            caption={t('practices.list.caption', { count: items.length })}
            stackBelow="medium"
            rows={items}
            rowKey={(p) => p.id}
            rowProps={(p) => ({ 'data-practice': p.id })}
            columns={[
              {
                key: 'type',
                header: t('practices.columns.type'),
                rowHeader: true,
                cell: (p) => p.type_name,
              },
              {
                key: 'state',
                header: t('practices.columns.state'),
                cell: (p) => p.state_label,
              },
              {
                key: 'protocol',
                header: t('practices.columns.protocol'),
                className: 'identifier text-nowrap',
                cell: (p) => p.protocol ?? t('practices.list.noProtocol'),
              },
              {
                key: 'dates',
                header: t('practices.columns.date'),
                cell: (p) =>
                  p.submitted_at ? (
                    <>
                      {t('practices.list.submittedOn')} <DateTimeText utc={p.submitted_at} />
                    </>
                  ) : (
                    <>
                      {t('practices.list.updatedOn')} <DateTimeText utc={p.updated_at} />
                    </>
                  ),
              },
              {
                key: 'open',
                header: t('practices.columns.actions'),
                actions: true,
                cell: (p) => (
                  <Link
                    to={`/pratiche/${p.id}`}
                    className="btn btn-primary btn-xs"
                    aria-label={t(
                      p.state === 'draft' ? 'practices.list.resumeOf' : 'practices.list.openOf',
                      { type: p.type_name, protocol: p.protocol ?? '' },
                    )}
                  >
                    {p.state === 'draft' ? t('practices.list.resume') : t('practices.list.open')}
                  </Link>
                ),
              },
            ]}
          />
        )}
      </section>
    </>
  )
}
