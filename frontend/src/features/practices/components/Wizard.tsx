import { Button } from 'design-react-kit'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'
import { ApiError } from '@/lib/api/problem'
import { newIdempotencyKey } from '@/lib/idempotency'
import type { Issue, Practice, PracticeType, StepCode } from '../api/types'
import { useCancelPractice, useSaveDraft, useSubmitPractice } from '../api/usePracticeMutations'
import {
  applicantIndex,
  type DeclarationForm,
  emptyPerson,
  isLocked,
  issuesByField,
  issuesOfStep,
  requiredFields,
  resolveStep,
  stepIndex,
  toForm,
  wizardSteps,
} from '../model'
import { AttachmentsPanel } from './AttachmentsPanel'
import { type FieldRules, FieldRulesProvider } from './fields'
import { PersonsContext } from './issueLabel'
import { StepIssues } from './StepIssues'
import { ApplicantStep } from './steps/ApplicantStep'
import { DwellingStep } from './steps/DwellingStep'
import { LicencesStep } from './steps/LicencesStep'
import { MoversStep } from './steps/MoversStep'
import { SummaryStep } from './steps/SummaryStep'

interface WizardProps {
  practice: Practice
  type: PracticeType
  /** The draft was saved elsewhere meanwhile: read it again (the wizard starts over from it). */
  onStale: () => void
  onSubmitted: (practice: Practice) => void
  onCancelled: (practice: Practice) => void
}

/** The draft as the wizard starts from it: the applicant is always there. */
function initialForm(practice: Practice): DeclarationForm {
  const form = toForm(practice.data)
  if (applicantIndex(form) < 0) form.persons.unshift({ ...emptyPerson(), applicant: true })
  return form
}

/**
 * The steps of the declaration (seed 000 "Cambio di indirizzo"): the step in the address
 * (`?passo=`) so that a reload resumes it, the draft's own step saved at every change so
 * another device resumes there too. Every "Avanti" saves the draft and shows what the
 * server found on the step; the person may still go on, and "Inoltra" waits until
 * nothing is left.
 */
export function Wizard({ practice, type, onStale, onSubmitted, onCancelled }: WizardProps) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [form, setForm] = useState(() => initialForm(practice))
  // The version this copy was read or last saved at: a refetch (after an upload) must not
  // hide a save made elsewhere meanwhile.
  const [baseVersion, setBaseVersion] = useState(practice.version)
  // Steps whose issues are shown on their fields: those left once with "Avanti" (or before
  // the step the draft was saved at).
  const [visited, setVisited] = useState<Set<StepCode>>(
    () => new Set(wizardSteps(form).filter((s) => stepIndex(s) < stepIndex(practice.step))),
  )
  const [warned, setWarned] = useState<StepCode | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [submitKey, setSubmitKey] = useState(newIdempotencyKey)
  const save = useSaveDraft()
  const submit = useSubmitPractice()
  const cancel = useCancelPractice()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const issuesRef = useRef<HTMLDivElement>(null)
  const cancelRef = useRef<HTMLHeadingElement>(null)

  const steps = wizardSteps(form)
  const step = resolveStep(steps, params.get('passo'), practice.step)
  const position = steps.indexOf(step)
  const title = (code: StepCode) => type.steps.find((s) => s.code === code)?.title ?? code

  // Each step replaces the previous one: the reader continues from its heading.
  const shownStep = useRef(step)
  useEffect(() => {
    if (shownStep.current !== step) headingRef.current?.focus()
    shownStep.current = step
  }, [step])
  useEffect(() => {
    if (warned) issuesRef.current?.focus()
  }, [warned])
  useEffect(() => {
    if (confirmCancel) cancelRef.current?.focus()
  }, [confirmCancel])

  // The draft's issues do not name the required documents not yet attached (only the
  // submission does): the wizard adds them, once.
  const issues = useMemo<Issue[]>(() => {
    const named = new Set(practice.issues.map((i) => i.field))
    const documents = type.documents
      .filter((d) => d.required && !practice.attachments.some((a) => a.document_code === d.code))
      .map((d) => ({
        field: `attachments.${d.code}`,
        step: 'attachments' as const,
        message: t('practices.attachments.missing', { document: d.label }),
      }))
      .filter((i) => !named.has(i.field))
    return [...practice.issues, ...documents]
  }, [practice.issues, practice.attachments, type.documents, t])

  const rules = useMemo<FieldRules>(() => {
    const errors = issuesByField(issues.filter((i) => visited.has(i.step)))
    const required = requiredFields(type)
    return {
      errorOf: (path) => errors.get(path),
      locked: (path) => isLocked(practice.locked, path),
      required,
    }
  }, [issues, practice.locked, visited, type])

  const edit = (mutate: (draft: DeclarationForm) => void) =>
    setForm((previous) => {
      const next = structuredClone(previous)
      mutate(next)
      return next
    })

  const show = (target: StepCode) => {
    setConfirmCancel(false)
    setParams((p) => {
      const next = new URLSearchParams(p)
      next.set('passo', target)
      return next
    })
  }

  /** Saves the draft with the step it goes to; with `check`, stops once on the step's issues. */
  const goTo = (target: StepCode, check = false) => {
    if (save.isPending) return
    submit.reset()
    save.mutate(
      { id: practice.id, data: form, step: target, version: baseVersion },
      {
        onSuccess: (saved) => {
          setBaseVersion(saved.version)
          if (check) {
            setVisited((v) => new Set(v).add(step))
            const found =
              step === 'attachments'
                ? issues.filter((i) => i.step === 'attachments')
                : issuesOfStep(saved.issues, step)
            if (found.length > 0 && warned !== step) {
              setWarned(step)
              return
            }
          }
          setWarned(null)
          show(target)
        },
        onError: (error) => {
          if (problemCode(error) === 'stale_draft') onStale()
        },
      },
    )
  }

  const send = () => {
    if (submit.isPending || issues.length > 0) return
    submit.mutate(
      { id: practice.id, idempotencyKey: submitKey },
      {
        onSuccess: onSubmitted,
        onError: (error) => {
          // Refused (4xx): nothing was submitted, and the next attempt is another request.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500)
            setSubmitKey(newIdempotencyKey())
        },
      },
    )
  }

  const stepIssues = visited.has(step) ? issuesOfStep(issues, step) : []
  const stepProps = { form, edit, type }
  let body
  switch (step) {
    case 'applicant':
      body = <ApplicantStep {...stepProps} />
      break
    case 'movers':
      body = <MoversStep {...stepProps} />
      break
    case 'licences_and_vehicles':
      body = <LicencesStep {...stepProps} />
      break
    case 'dwelling':
      body = <DwellingStep {...stepProps} />
      break
    case 'attachments':
      body = (
        <>
          <p>{t('practices.attachments.lead')}</p>
          <AttachmentsPanel
            practice={practice}
            documents={type.documents}
            editable
            maxBytes={type.max_attachment_bytes}
            maxFiles={type.max_attachments}
          />
        </>
      )
      break
    default:
      body = (
        <SummaryStep
          form={form}
          type={type}
          practice={practice}
          issues={issues}
          stepTitle={title}
          onGoTo={(target) => goTo(target)}
        />
      )
  }

  const previous = steps[position - 1]
  const next = steps[position + 1]
  const saveFailed =
    save.isError && problemCode(save.error) !== 'stale_draft' ? (
      <ProblemAlert error={save.error} context={t('practices.wizard.saveFailed')} />
    ) : null

  return (
    <PersonsContext.Provider value={form.persons}>
      <FieldRulesProvider value={rules}>
        <nav aria-label={t('practices.wizard.stepsNav')} className="wizard-steps mb-4">
          <ol>
            {steps.map((code, i) => (
              <li
                key={code}
                className={code === step ? 'current' : i < position ? 'done' : undefined}
                aria-current={code === step ? 'step' : undefined}
              >
                <span className="wizard-step-number" aria-hidden="true">
                  {i + 1}
                </span>{' '}
                {title(code)}
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="passo-titolo">
          <h2 id="passo-titolo" className="h3" tabIndex={-1} ref={headingRef}>
            {t('practices.wizard.stepHeading', {
              number: position + 1,
              total: steps.length,
              title: title(step),
            })}
          </h2>
          <p className="small">{t('practices.wizard.requiredNote')}</p>
          <StepIssues ref={issuesRef} issues={stepIssues} mayGoOn={warned === step} />
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              if (next) goTo(next, true)
            }}
          >
            {body}
            {saveFailed}
            {step === 'summary' && submit.isError ? (
              <ProblemAlert error={submit.error} context={t('practices.wizard.submitFailed')}>
                {submit.error instanceof ApiError && submit.error.problem.errors?.length ? (
                  <ul className="mb-0 mt-2">
                    {submit.error.problem.errors.map((e, i) => (
                      <li key={`${e.field}-${i}`}>{e.message}</li>
                    ))}
                  </ul>
                ) : null}
              </ProblemAlert>
            ) : null}
            {confirmCancel ? (
              <section
                className="alert alert-warning cancel-confirmation"
                aria-labelledby="annulla-titolo"
              >
                <h3 className="h5" id="annulla-titolo" tabIndex={-1} ref={cancelRef}>
                  {t('practices.wizard.cancelTitle')}
                </h3>
                <p>{t('practices.wizard.cancelText')}</p>
                {cancel.isError ? (
                  <ProblemAlert error={cancel.error} context={t('practices.wizard.cancelFailed')} />
                ) : null}
                <div className="d-flex flex-wrap gap-3">
                  <Button
                    color="danger"
                    type="button"
                    disabled={cancel.isPending}
                    onClick={() => cancel.mutate(practice.id, { onSuccess: onCancelled })}
                  >
                    {t('practices.wizard.cancelConfirm')}
                  </Button>
                  <Button
                    color="secondary"
                    outline
                    type="button"
                    onClick={() => setConfirmCancel(false)}
                  >
                    {t('practices.wizard.cancelKeep')}
                  </Button>
                </div>
              </section>
            ) : null}
            <div className="wizard-buttons d-flex flex-wrap gap-3 mt-4">
              {previous ? (
                <Button
                  color="secondary"
                  outline
                  type="button"
                  disabled={save.isPending}
                  onClick={() => goTo(previous)}
                >
                  {t('practices.wizard.back')}
                </Button>
              ) : (
                <Link to="/pratiche" className="btn btn-outline-secondary">
                  {t('practices.wizard.toList')}
                </Link>
              )}
              {next ? (
                <Button color="primary" type="submit" disabled={save.isPending}>
                  {save.isPending ? t('practices.wizard.saving') : t('practices.wizard.next')}
                </Button>
              ) : (
                <>
                  <Button
                    color="danger"
                    outline
                    type="button"
                    onClick={() => setConfirmCancel(true)}
                  >
                    {t('practices.wizard.cancel')}
                  </Button>
                  <Button
                    color="primary"
                    type="button"
                    disabled={issues.length > 0 || submit.isPending}
                    aria-describedby={issues.length > 0 ? 'inoltra-bloccato' : undefined}
                    onClick={send}
                  >
                    {submit.isPending
                      ? t('practices.wizard.submitting')
                      : t('practices.wizard.submit')}
                  </Button>
                  {issues.length > 0 ? (
                    <p id="inoltra-bloccato" className="w-100 small mb-0">
                      {t('practices.wizard.submitBlocked')}
                    </p>
                  ) : null}
                </>
              )}
            </div>
          </form>
        </section>
      </FieldRulesProvider>
    </PersonsContext.Provider>
  )
}
