import { forwardRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Issue } from '../api/types'
import { fieldId } from '../model'
import { useIssueLabel } from './issueLabel'

/** Moves the focus to a field of the step: its input, or the first control inside it. */
export function focusField(path: string) {
  const target = document.getElementById(fieldId(path))
  if (!target) return
  const control = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button')
  ;(control ?? target).focus()
}

interface StepIssuesProps {
  issues: Issue[]
  /** Said after "Avanti" found something to mend: the person may still go on. */
  mayGoOn: boolean
}

/** What the server found on this step, each a link to its field. */
export const StepIssues = forwardRef<HTMLDivElement, StepIssuesProps>(function StepIssues(
  { issues, mayGoOn },
  ref,
) {
  const { t } = useTranslation()
  const labelOf = useIssueLabel()
  if (issues.length === 0) return null
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-warning step-issues">
      <p className="fw-semibold mb-1" id="step-issues-title">
        {t('practices.wizard.issuesTitle', { count: issues.length })}
      </p>
      <ul className="mb-1">
        {issues.map((issue, i) => {
          const label = labelOf(issue.field)
          return (
            <li key={`${issue.field}-${i}`}>
              <a
                href={`#${fieldId(issue.field)}`}
                onClick={(e) => {
                  e.preventDefault()
                  focusField(issue.field)
                }}
              >
                {label ? `${label}: ` : ''}
                {issue.message}
              </a>
            </li>
          )
        })}
      </ul>
      {mayGoOn ? <p className="mb-0">{t('practices.wizard.mayGoOn')}</p> : null}
    </div>
  )
})
