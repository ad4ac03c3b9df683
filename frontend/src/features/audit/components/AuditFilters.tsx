import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { actionLabel, type AuditAction } from '../api/useAuditActions'
import { type AuditFilter, isFiltered, NO_FILTER } from '../filters'

interface AuditFiltersProps {
  /** The filters in force (from the address). */
  filter: AuditFilter
  actions: AuditAction[] | undefined
  onApply: (filter: AuditFilter) => void
}

/** Period, actor, subject and kind of action; all optional, combined. */
export function AuditFilters({ filter, actions, onApply }: AuditFiltersProps) {
  const { t, i18n } = useTranslation()
  const [values, setValues] = useState(filter)
  const [periodError, setPeriodError] = useState(false)
  const set = (key: keyof AuditFilter) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (key === 'from' || key === 'to') setPeriodError(false)
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (values.from && values.to && values.to < values.from) {
      setPeriodError(true)
      document.getElementById('audit-to')?.focus()
      return
    }
    onApply({
      ...values,
      actor: values.actor.trim(),
      subject: values.subject.trim(),
    })
  }

  const sortedActions = [...(actions ?? [])].sort((a, b) =>
    actionLabel(actions, a.code, i18n.language).localeCompare(
      actionLabel(actions, b.code, i18n.language),
      i18n.language,
    ),
  )
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      role="search"
      aria-label={t('admin.audit.filtersLabel')}
      className="admin-filters row gx-3 mb-4"
    >
      <div className="col-12 col-sm-6 col-xl-3">
        <TextField
          id="audit-from"
          name="from"
          type="date"
          label={t('admin.audit.from')}
          value={values.from}
          onChange={(e) => set('from')(e.target.value)}
        />
      </div>
      <div className="col-12 col-sm-6 col-xl-3">
        <TextField
          id="audit-to"
          name="to"
          type="date"
          label={t('admin.audit.to')}
          hint={t('admin.audit.toHint')}
          error={periodError ? t('admin.audit.periodError') : undefined}
          value={values.to}
          onChange={(e) => set('to')(e.target.value)}
        />
      </div>
      <div className="col-12 col-xl-6">
        <SelectField
          id="audit-action"
          name="action"
          label={t('admin.audit.action')}
          value={values.action}
          onChange={(e) => set('action')(e.target.value)}
        >
          <option value="">{t('admin.audit.anyAction')}</option>
          {sortedActions.map((action) => (
            <option key={action.code} value={action.code}>
              {actionLabel(actions, action.code, i18n.language)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="col-12 col-md-6">
        <TextField
          id="audit-actor"
          name="actor"
          type="search"
          label={t('admin.audit.actor')}
          hint={t('admin.audit.actorHint')}
          value={values.actor}
          onChange={(e) => set('actor')(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="col-12 col-md-6">
        <TextField
          id="audit-subject"
          name="subject"
          type="search"
          label={t('admin.audit.subject')}
          hint={t('admin.audit.subjectHint')}
          value={values.subject}
          onChange={(e) => set('subject')(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          inputClassName="font-monospace"
        />
      </div>
      <div className="col-12 d-flex flex-wrap gap-2">
        <Button color="primary" type="submit">
          {t('admin.audit.apply')}
        </Button>
        {isFiltered(filter) ? (
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => onApply(NO_FILTER)}
          >
            {t('admin.audit.clear')}
          </button>
        ) : null}
      </div>
    </form>
  )
}
