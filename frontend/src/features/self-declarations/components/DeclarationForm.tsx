import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { todayIso } from '@/lib/registryDates'
import type { SelfDeclarationType } from '../api/useSelfDeclarationTypes'
import {
  type DeclarationRequest,
  type Preview,
  usePreviewSelfDeclaration,
} from '../api/usePreviewSelfDeclaration'
import { type DeclarationDraft, fieldId, requestOf, splitFields } from '../draft'
import { FieldInput } from './FieldInput'
import { MembersTable } from './MembersTable'

interface DeclarationFormProps {
  type: SelfDeclarationType
  draft: DeclarationDraft
  onChange: (draft: DeclarationDraft) => void
  onBack: () => void
  onPreviewed: (preview: Preview, request: DeclarationRequest) => void
}

/** Moves the focus to a field, or to the first option of a group of radio buttons. */
function focusField(name: string) {
  const element = document.getElementById(fieldId(name))
  if (element instanceof HTMLFieldSetElement) element.querySelector('input')?.focus()
  else element?.focus()
}

/**
 * Passo 2: the form of the chosen type, as the portal prefilled it. "Avanti" asks the
 * server to check it (nothing is stored) and shows each refusal on its field.
 */
export function DeclarationForm({
  type,
  draft,
  onChange,
  onBack,
  onPreviewed,
}: DeclarationFormProps) {
  const { t } = useTranslation()
  const preview = usePreviewSelfDeclaration()
  // Fields changed since the server's refusal: their old message no longer applies.
  const [stale, setStale] = useState<Set<string>>(new Set())
  const today = todayIso()
  const { particulars, declared } = splitFields(type)
  const serverErrors = fieldErrorsOf(preview.error)
  const errors = Object.fromEntries(
    Object.entries(serverErrors).filter(([field]) => !stale.has(field)),
  )
  // Field names in the order the form shows them, family cells included.
  const order = [
    ...particulars.map((f) => f.key),
    ...declared.flatMap((f) =>
      f.kind === 'members'
        ? [
            f.key,
            ...draft.members.flatMap((_, i) =>
              ['surname', 'name', 'birth_date', 'birth_place', 'relationship'].map(
                (c) => `${f.key}[${i}].${c}`,
              ),
            ),
          ]
        : [f.key],
    ),
  ]
  const unplaced = Object.entries(serverErrors).filter(([field]) => !order.includes(field))
  const lockedCount = particulars.filter((f) => draft.locked.includes(f.key)).length
  const lockedNoteId = 'declaration-locked-note'

  const setValue = (key: string, value: string) => {
    setStale((s) => new Set(s).add(key))
    onChange({ ...draft, values: { ...draft.values, [key]: value } })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (preview.isPending) return
    const request = requestOf(type, draft)
    preview.mutate(request, {
      onSuccess: (answer) => onPreviewed(answer, request),
      onError: (error) => {
        setStale(new Set())
        const fields = fieldErrorsOf(error)
        const first = order.find((name) => fields[name])
        if (first) focusField(first)
      },
    })
  }

  const input = (field: (typeof type.fields)[number]) => {
    if (field.kind === 'members')
      return (
        <MembersTable
          key={field.key}
          field={field}
          rows={draft.members}
          errors={errors}
          fromRegistry={draft.fromRegistry.includes(field.key)}
          today={today}
          onChange={(members) => {
            setStale((s) => {
              const next = new Set(s)
              for (const name of Object.keys(serverErrors))
                if (name.startsWith(field.key)) next.add(name)
              return next
            })
            onChange({ ...draft, members })
          }}
        />
      )
    const locked = draft.locked.includes(field.key)
    return (
      <FieldInput
        key={field.key}
        field={field}
        value={draft.values[field.key] ?? ''}
        error={errors[field.key]}
        locked={locked}
        lockedNoteId={locked ? lockedNoteId : undefined}
        registryValue={
          !locked && draft.fromRegistry.includes(field.key)
            ? (draft.prefilled[field.key] ?? '')
            : undefined
        }
        today={today}
        onChange={(value) => setValue(field.key, value)}
      />
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="declaration-step-title">
      {!draft.resident ? (
        <Notice color="info">
          <p className="fw-semibold mb-1">{t('selfDeclarations.new.nonResidentTitle')}</p>
          <p className="mb-0">{t('selfDeclarations.new.nonResident')}</p>
        </Notice>
      ) : null}
      <p>{t('selfDeclarations.new.requiredNote')}</p>
      <fieldset className="declaration-section">
        <legend className="h5">{t('selfDeclarations.new.particularsTitle')}</legend>
        {lockedCount > 0 ? (
          <p id={lockedNoteId} className="declaration-locked-note">
            {t(
              draft.resident
                ? 'selfDeclarations.new.lockedResident'
                : 'selfDeclarations.new.lockedAccount',
            )}
          </p>
        ) : null}
        <div className="row">
          {particulars.map((field) => (
            <div key={field.key} className="col-12 col-md-6">
              {input(field)}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="declaration-section">
        <legend className="h5">{t('selfDeclarations.new.declaredTitle')}</legend>
        {declared.length === 0 ? (
          <p>{t('selfDeclarations.new.noOwnFields')}</p>
        ) : (
          declared.map(input)
        )}
      </fieldset>
      {Object.keys(errors).length > 0 ? (
        <Notice color="danger" role="alert">
          <p className="fw-semibold mb-1">{t('selfDeclarations.new.fixErrors')}</p>
          {unplaced.length > 0 ? (
            <ul className="mb-0">
              {unplaced.map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : preview.isError ? (
        <ProblemAlert error={preview.error} context={t('selfDeclarations.new.previewFailed')} />
      ) : null}
      <div className="d-flex flex-wrap gap-3 mt-4">
        <Button color="secondary" outline type="button" onClick={onBack}>
          {t('selfDeclarations.new.back')}
        </Button>
        <Button color="primary" type="submit" disabled={preview.isPending}>
          {preview.isPending ? t('selfDeclarations.new.checking') : t('selfDeclarations.new.next')}
        </Button>
      </div>
    </form>
  )
}
