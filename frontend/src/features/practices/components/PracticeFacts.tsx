import { useTranslation } from 'react-i18next'
import { DataList, type DataRow } from '@/components/DataList'
import { formatDateTime } from '@/lib/format'
import { registryDate } from '@/lib/registryDates'
import type { Deadlines, Practice } from '../api/types'

/** A deadline as the queue and the detail show it: the day, and "scaduta" in words when past. */
export function useDeadlineText() {
  const { t } = useTranslation()
  return (date: string | null | undefined, overdue: boolean) =>
    date
      ? overdue
        ? t('practices.deadlines.overdue', { date: registryDate(date) })
        : registryDate(date)
      : ''
}

/** The rows of the deadlines that apply. */
export function useDeadlineRows() {
  const { t } = useTranslation()
  const text = useDeadlineText()
  return (deadlines: Deadlines): DataRow[] => {
    const rows: DataRow[] = []
    if (deadlines.registration_due)
      rows.push([
        t('practices.deadlines.registration'),
        text(deadlines.registration_due, deadlines.registration_overdue),
      ])
    if (deadlines.decision_due)
      rows.push([
        t('practices.deadlines.decision'),
        text(deadlines.decision_due, deadlines.decision_overdue),
      ])
    return rows
  }
}

/** The practice at a glance: state, protocol, dates, deadlines (and for the office, who holds it). */
export function PracticeFacts({
  practice,
  office = false,
}: {
  practice: Practice
  office?: boolean
}) {
  const { t, i18n } = useTranslation()
  const deadlineRows = useDeadlineRows()
  const when = (value: string | null | undefined) =>
    value ? formatDateTime(value, i18n.language) : ''
  const rows: DataRow[] = [[t('practices.facts.state'), practice.state_label]]
  if (practice.protocol) rows.push([t('practices.facts.protocol'), practice.protocol, true])
  if (office) {
    const a = practice.applicant
    rows.push([t('practices.facts.applicant'), `${a.surname} ${a.name} (${a.fiscal_code})`])
    rows.push([
      t('practices.facts.assignee'),
      practice.assignee?.label ?? t('practices.facts.nobody'),
    ])
  }
  rows.push([t('practices.facts.createdAt'), when(practice.created_at)])
  if (practice.submitted_at)
    rows.push([t('practices.facts.submittedAt'), when(practice.submitted_at)])
  if (practice.registered_at)
    rows.push([t('practices.facts.registeredAt'), when(practice.registered_at)])
  if (practice.decided_at) rows.push([t('practices.facts.decidedAt'), when(practice.decided_at)])
  rows.push(...deadlineRows(practice.deadlines))
  if (practice.decision_note) rows.push([t('practices.facts.decisionNote'), practice.decision_note])
  return <DataList rows={rows} />
}
