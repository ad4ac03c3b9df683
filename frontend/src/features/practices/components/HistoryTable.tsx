import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { DateTimeText } from '@/components/DateTimeText'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { usePracticeHistory } from '../api/usePractice'
import type { PracticeEvent } from '../api/types'

/** The practice's history: every change of state, who made it, and the note given. */
export function HistoryTable({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation()
  const history = usePracticeHistory(practiceId)
  if (history.isError)
    return <ProblemAlert error={history.error} context={t('practices.history.failed')} />
  if (!history.data) return <Loading label={t('practices.history.loading')} />
  const items = history.data.items
  if (items.length === 0) return <p>{t('practices.history.empty')}</p>
  return (
    <DataTable<PracticeEvent>
      caption={t('practices.history.caption')}
      captionClassName="visually-hidden"
      stackBelow="medium"
      rows={items}
      rowKey={(event, index) => `${event.at}-${index}`}
      columns={[
        {
          key: 'at',
          header: t('practices.history.at'),
          rowHeader: true,
          cell: (event) => <DateTimeText utc={event.at} />,
        },
        {
          key: 'state',
          header: t('practices.history.state'),
          cell: (event) => event.to_state_label,
        },
        {
          key: 'actor',
          header: t('practices.history.actor'),
          cell: (event) =>
            event.actor_kind === 'system' ? t('practices.history.system') : event.actor_label,
        },
        {
          key: 'note',
          header: t('practices.history.note'),
          cell: (event) => event.note ?? '',
        },
      ]}
    />
  )
}
