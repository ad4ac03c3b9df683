import { Badge } from 'design-react-kit'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RadioGroup } from '@/components/RadioGroup'
import { SelectField } from '@/components/SelectField'
import { TextAreaField } from '@/components/TextAreaField'
import { TextField } from '@/components/TextField'
import { registryDate } from '@/lib/registryDates'
import type { DeclarationField } from '../api/useSelfDeclarationTypes'
import { fieldId } from '../draft'

interface FieldInputProps {
  field: DeclarationField
  value: string
  onChange: (value: string) => void
  error?: string
  /** A particular of the declarant: shown, not editable. */
  locked: boolean
  /** Ids of the notes that explain the locked fields. */
  lockedNoteId?: string
  /** The registry's value, when the field was prefilled from it (editable). */
  registryValue?: string
  today: string
}

/** The label of a choice's or a sex's value, as the form offers it. */
function optionLabel(field: DeclarationField, value: string, fallback: (v: string) => string) {
  return field.options.find((o) => o.code === value)?.label ?? fallback(value)
}

/**
 * One field of a declaration, drawn by its kind: text, long text with a character count,
 * date, year, sex, choice, fiscal code, VAT number. A locked particular is a read-only
 * text; a value from the registry says so, and says what the registry holds once changed.
 */
export function FieldInput({
  field,
  value,
  onChange,
  error,
  locked,
  lockedNoteId,
  registryValue,
  today,
}: FieldInputProps) {
  const { t } = useTranslation()
  const id = fieldId(field.key)
  const sexLabel = (v: string) => (v === 'M' || v === 'F' ? t(`selfDeclarations.new.sex.${v}`) : v)

  if (locked) {
    const shown =
      field.kind === 'date'
        ? registryDate(value)
        : field.kind === 'sex'
          ? optionLabel(field, value, sexLabel)
          : field.kind === 'choice'
            ? optionLabel(field, value, (v) => v)
            : value
    return (
      <TextField
        id={id}
        name={field.key}
        label={field.label}
        value={shown}
        readOnly
        inputClassName="declaration-locked"
        describedBy={lockedNoteId ? [lockedNoteId] : []}
      />
    )
  }

  const fromRegistry = registryValue !== undefined
  const changed = fromRegistry && value.trim() !== registryValue.trim()
  const registryShown =
    field.kind === 'date'
      ? registryDate(registryValue ?? '')
      : field.kind === 'choice' || field.kind === 'sex'
        ? optionLabel(field, registryValue ?? '', sexLabel)
        : registryValue
  const hint: ReactNode =
    fromRegistry || field.hint ? (
      <>
        {fromRegistry ? (
          <>
            <Badge color="primary" className="me-1 registry-mark">
              {t('selfDeclarations.new.registryMark')}
            </Badge>
            {changed
              ? t('selfDeclarations.new.registryChanged', {
                  value: registryShown || t('selfDeclarations.new.registryEmpty'),
                })
              : t('selfDeclarations.new.registryHint')}{' '}
          </>
        ) : null}
        {field.hint}
      </>
    ) : undefined
  const common = {
    id,
    name: field.key,
    label: field.label,
    required: field.required,
    error,
    hint,
  }

  switch (field.kind) {
    case 'long_text':
      return (
        <TextAreaField
          {...common}
          value={value}
          rows={6}
          maxLength={field.max_length ?? undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )
    case 'date':
      return (
        <TextField
          {...common}
          type="date"
          max={today}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )
    case 'year':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )
    case 'sex': {
      const options = (
        field.options.length > 0
          ? field.options
          : [
              { code: 'M', label: sexLabel('M') },
              { code: 'F', label: sexLabel('F') },
            ]
      ).map((o) => ({ value: o.code, label: o.label }))
      return (
        <>
          <RadioGroup
            id={id}
            legend={field.label}
            options={options}
            value={value}
            required={field.required}
            error={error}
            onChange={onChange}
          />
          {hint ? <small className="form-text d-block mb-3">{hint}</small> : null}
        </>
      )
    }
    case 'choice':
      return (
        <SelectField {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('selfDeclarations.new.choose')}</option>
          {field.options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </SelectField>
      )
    case 'fiscal_code':
      return (
        <TextField
          {...common}
          inputClassName="text-uppercase-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={field.max_length ?? 16}
          value={value}
          onChange={(e) => onChange(e.target.value.toUpperCase())}
        />
      )
    case 'vat_number':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          autoComplete="off"
          maxLength={field.max_length ?? 11}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )
    default:
      return (
        <TextField
          {...common}
          autoComplete="off"
          maxLength={field.max_length ?? undefined}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )
  }
}
