import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { fieldErrorsOf, problemCode } from '@/lib/api/fieldErrors'
import { ApiError } from '@/lib/api/problem'
import { newIdempotencyKey } from '@/lib/idempotency'
import { todayIso } from '@/lib/registryDates'
import type { CertificateType } from '../api/useCertificateTypes'
import type { CertificateUsage } from '../api/useCertificateUsages'
import {
  type Certificate,
  type IssueRequest,
  useIssueCertificate,
} from '../api/useIssueCertificate'
import {
  euros,
  singleLine,
  stampDateProblem,
  stampDigits,
  stampIdentifierProblem,
  USAGE_TEXT_MAX,
  usagesFor,
} from '../rules'
import { StampFields, type StampValues } from './StampFields'
import { TextAreaField } from '@/components/TextAreaField'

type Field = 'type' | 'usage' | 'usage_text' | 'stamp.identifier' | 'stamp.issue_date'

/** The groups the catalogue uses, in its order, as [code, name]. */
function groupsOf(types: readonly { group: string; group_name: string }[]): [string, string][] {
  const seen = new Map<string, string>()
  for (const x of types) if (!seen.has(x.group)) seen.set(x.group, x.group_name)
  return [...seen]
}

const FIELD_IDS: Record<Field, string> = {
  type: 'certificate-type',
  usage: 'certificate-usage',
  usage_text: 'certificate-usage-text',
  'stamp.identifier': 'stamp-identifier',
  'stamp.issue_date': 'stamp-issue-date',
}
const FIELDS = Object.keys(FIELD_IDS) as Field[]

/** Field errors of a refusal, with the already used stamp put on its field. */
function serverFieldErrors(error: unknown): Record<string, string> {
  const errors = fieldErrorsOf(error)
  if (problemCode(error) === 'stamp_already_used' && error instanceof ApiError) {
    errors['stamp.identifier'] ??= error.message
  }
  return errors
}

interface CertificateRequestFormProps {
  personId: string
  /** Why a third person's certificate is asked; null for oneself and the family. */
  reason: string | null
  types: CertificateType[]
  usages: CertificateUsage[]
  onIssued: (certificate: Certificate) => void
}

/** "Passo 1: Scegli il certificato" (seed 001): the type, the use, the stamp when due. */
export function CertificateRequestForm({
  personId,
  reason,
  types,
  usages,
  onIssued,
}: CertificateRequestFormProps) {
  const { t, i18n } = useTranslation()
  const issue = useIssueCertificate()
  // One key for this request, kept across a double click and a retry after a lost answer,
  // so that the server issues once. Replaced only when the server has refused the request
  // (4xx: nothing was issued), since the corrected request is a different one.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)
  // Seed 001 "Archivio certificazioni": the office whose records the certificate speaks of
  // narrows the list (empty: every certificate).
  const [group, setGroup] = useState('')
  const [typeCode, setTypeCode] = useState('')
  const [usageCode, setUsageCode] = useState('')
  const [usageText, setUsageText] = useState('')
  const [stamp, setStamp] = useState<StampValues>({ identifier: '', issueDate: '' })
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({})
  const [stale, setStale] = useState<Set<Field>>(new Set())
  const today = todayIso()

  const type = types.find((x) => x.code === typeCode)
  const allowedUsages = usagesFor(type, usages)
  const usage = allowedUsages.find((u) => u.code === usageCode)
  const serverErrors = serverFieldErrors(issue.error)
  const errorOf = (field: Field) =>
    clientErrors[field] ?? (stale.has(field) ? undefined : serverErrors[field])
  const code = problemCode(issue.error)
  const notEligible = code === 'not_eligible'
  const otherError = issue.isError && !notEligible && !FIELDS.some((f) => serverErrors[f])

  const edited = (field: Field) => {
    setStale((s) => new Set(s).add(field))
    setClientErrors((errors) => {
      const rest = { ...errors }
      delete rest[field]
      return rest
    })
  }

  const validate = (): Partial<Record<Field, string>> => {
    const errors: Partial<Record<Field, string>> = {}
    if (!type) errors.type = t('certificates.errors.type')
    if (!usage) errors.usage = t('certificates.errors.usage')
    if (usage?.requires_text && singleLine(usageText) === '')
      errors.usage_text = t('certificates.errors.usageText')
    if (usage?.requires_stamp) {
      const identifierProblem = stampIdentifierProblem(stamp.identifier)
      if (identifierProblem)
        errors['stamp.identifier'] = t(`certificates.errors.stampIdentifier.${identifierProblem}`)
      const dateProblem = stampDateProblem(stamp.issueDate, today)
      if (dateProblem)
        errors['stamp.issue_date'] = t(`certificates.errors.stampDate.${dateProblem}`)
    }
    return errors
  }

  const focusFirst = (errors: Partial<Record<string, string>>) => {
    const first = FIELDS.find((f) => errors[f])
    if (first) document.getElementById(FIELD_IDS[first])?.focus()
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (issue.isPending) return
    const errors = validate()
    setClientErrors(errors)
    if (Object.keys(errors).length > 0 || !type || !usage) {
      issue.reset()
      focusFirst(errors)
      return
    }
    const body: IssueRequest = { type: type.code, person_id: personId, usage: usage.code }
    if (usage.requires_text) body.usage_text = singleLine(usageText)
    if (usage.requires_stamp)
      body.stamp = { identifier: stampDigits(stamp.identifier), issue_date: stamp.issueDate }
    if (reason) body.reason = reason
    issue.mutate(
      { body, idempotencyKey },
      {
        onSuccess: onIssued,
        onError: (error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500)
            setIdempotencyKey(newIdempotencyKey())
          setStale(new Set())
          focusFirst(serverFieldErrors(error))
        },
      },
    )
  }

  const usageHint = usage
    ? usage.requires_stamp
      ? t('certificates.usageStamp', { amount: euros(usage.stamp_duty_cents, i18n.language) })
      : usage.legal_reference
        ? t('certificates.usageExemptBy', { reference: usage.legal_reference })
        : t('certificates.usageExempt')
    : t('certificates.stampDutyNote')

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="certificate-step1-title">
      <SelectField
        id="certificate-group"
        name="group"
        label={t('certificates.group')}
        value={group}
        onChange={(e) => {
          setGroup(e.target.value)
          if (type && e.target.value && type.group !== e.target.value) setTypeCode('')
        }}
      >
        <option value="">{t('certificates.allGroups')}</option>
        {groupsOf(types).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={FIELD_IDS.type}
        name="type"
        label={t('certificates.type')}
        required
        value={typeCode}
        error={errorOf('type')}
        hint={type ? `${type.description} ${type.eligibility}`.trim() : undefined}
        onChange={(e) => {
          const next = types.find((x) => x.code === e.target.value)
          setTypeCode(e.target.value)
          edited('type')
          // A stamped usage disappears from the list of an always exempt type.
          if (!usagesFor(next, usages).some((u) => u.code === usageCode)) setUsageCode('')
        }}
      >
        <option value="">{t('certificates.choose')}</option>
        {types
          .filter((x) => group === '' || x.group === group)
          .map((x) => (
            <option key={x.code} value={x.code}>
              {x.name}
            </option>
          ))}
      </SelectField>
      <SelectField
        id={FIELD_IDS.usage}
        name="usage"
        label={t('certificates.usage')}
        required
        value={usageCode}
        error={errorOf('usage')}
        hint={usageHint}
        onChange={(e) => {
          setUsageCode(e.target.value)
          edited('usage')
        }}
      >
        <option value="">{t('certificates.choose')}</option>
        {allowedUsages.map((u) => (
          <option key={u.code} value={u.code}>
            {u.description}
          </option>
        ))}
      </SelectField>
      {usage?.requires_text ? (
        <TextAreaField
          id={FIELD_IDS.usage_text}
          name="usage_text"
          label={t('certificates.usageText')}
          hint={t('certificates.usageTextHint')}
          required
          maxLength={USAGE_TEXT_MAX}
          value={usageText}
          error={errorOf('usage_text')}
          onChange={(e) => {
            setUsageText(e.target.value)
            edited('usage_text')
          }}
        />
      ) : null}
      {usage?.requires_stamp ? (
        <StampFields
          values={stamp}
          today={today}
          errors={{
            identifier: errorOf('stamp.identifier'),
            issueDate: errorOf('stamp.issue_date'),
          }}
          onChange={(next) => {
            if (next.identifier !== stamp.identifier) edited('stamp.identifier')
            if (next.issueDate !== stamp.issueDate) edited('stamp.issue_date')
            setStamp(next)
          }}
        />
      ) : null}
      {notEligible ? (
        <Notice color="danger" role="alert">
          <p className="fw-semibold mb-1">{t('certificates.notEligible')}</p>
          <p className="mb-0">{issue.error instanceof ApiError ? issue.error.message : null}</p>
        </Notice>
      ) : null}
      {otherError ? (
        <ProblemAlert error={issue.error} context={t('certificates.issueFailed')} />
      ) : null}
      <Button color="primary" type="submit" disabled={issue.isPending} className="mt-3">
        {issue.isPending ? t('certificates.issuing') : t('certificates.issue')}
      </Button>
    </form>
  )
}
