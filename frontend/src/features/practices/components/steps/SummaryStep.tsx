import { useTranslation } from 'react-i18next'
import type { Issue, Practice, PracticeType, StepCode } from '../../api/types'
import { STEP_ORDER } from '../../model'
import { AttachedFiles } from '../AttachmentsPanel'
import { DeclarationSummary } from '../DeclarationSummary'
import { useIssueLabel } from '../issueLabel'
import type { DeclarationForm } from '../../model'

interface SummaryStepProps {
  form: DeclarationForm
  type: PracticeType
  practice: Practice
  /** What is still missing, the required documents included. */
  issues: Issue[]
  stepTitle: (step: StepCode) => string
  onGoTo: (step: StepCode) => void
}

/** The issues left, by step, each step with a button that opens it. */
function RemainingIssues({
  issues,
  stepTitle,
  onGoTo,
}: {
  issues: Issue[]
  stepTitle: (step: StepCode) => string
  onGoTo: (step: StepCode) => void
}) {
  const { t } = useTranslation()
  const labelOf = useIssueLabel()
  const steps = STEP_ORDER.filter((step) => issues.some((i) => i.step === step))
  return (
    <section aria-labelledby="riepilogo-problemi" className="alert alert-warning remaining-issues">
      <h3 className="h5" id="riepilogo-problemi">
        {t('practices.summary.issuesTitle', { count: issues.length })}
      </h3>
      <p>{t('practices.summary.issuesLead')}</p>
      {steps.map((step) => (
        <div key={step} className="mb-3">
          <p className="fw-semibold mb-1">{stepTitle(step)}</p>
          <ul className="mb-1">
            {issues
              .filter((i) => i.step === step)
              .map((issue, n) => {
                const label = labelOf(issue.field)
                return (
                  <li key={`${issue.field}-${n}`}>
                    {label ? `${label}: ` : ''}
                    {issue.message}
                  </li>
                )
              })}
          </ul>
          <button type="button" className="btn btn-link p-0" onClick={() => onGoTo(step)}>
            {t('practices.summary.fixStep', { step: stepTitle(step) })}
          </button>
        </div>
      ))}
    </section>
  )
}

/** "Riepilogo" (the specchio riepilogativo): what will reach the Comune, and what is still missing. */
export function SummaryStep({ form, type, practice, issues, stepTitle, onGoTo }: SummaryStepProps) {
  const { t } = useTranslation()
  const documents = new Map(type.documents.map((d) => [d.code, d.label]))
  return (
    <>
      {issues.length > 0 ? (
        <RemainingIssues issues={issues} stepTitle={stepTitle} onGoTo={onGoTo} />
      ) : (
        <p className="fw-semibold">{t('practices.summary.ready')}</p>
      )}
      <p>{t('practices.summary.lead')}</p>
      <DeclarationSummary form={form} type={type} />
      <section aria-labelledby="riepilogo-allegati">
        <h3 className="h5" id="riepilogo-allegati">
          {t('practices.attachments.title')}
        </h3>
        {practice.attachments.length === 0 ? (
          <p>{t('practices.attachments.none')}</p>
        ) : (
          [...new Set(practice.attachments.map((a) => a.document_code))].map((code) => (
            <div key={code}>
              <p className="mb-1">{documents.get(code) ?? code}</p>
              <AttachedFiles
                practiceId={practice.id}
                files={practice.attachments.filter((a) => a.document_code === code)}
                deletable={false}
                label={documents.get(code) ?? code}
              />
            </div>
          ))
        )}
      </section>
    </>
  )
}
