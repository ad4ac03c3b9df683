import { createContext, type ReactNode, useContext, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import { PlacePicker } from '@/components/PlacePicker'
import { RadioGroup } from '@/components/RadioGroup'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { registryDate, todayIso } from '@/lib/registryDates'
import type { Place, PlaceKind } from '@/lib/usePlaceSearch'
import { fieldId } from '../model'

/** What every field of the wizard asks: its error, whether the registry locks it, whether it is required. */
export interface FieldRules {
  errorOf: (path: string) => string | undefined
  locked: (path: string) => boolean
  required: (path: string) => boolean
}

const FieldRulesContext = createContext<FieldRules>({
  errorOf: () => undefined,
  locked: () => false,
  required: () => false,
})

export const FieldRulesProvider = FieldRulesContext.Provider

export function useFieldRules() {
  return useContext(FieldRulesContext)
}

/** A value the registry decides: readable text in a read-only input, not an empty disabled box. */
function LockedValue({ path, label, value }: { path: string; label: string; value: string }) {
  const { t } = useTranslation()
  return (
    <TextField
      id={fieldId(path)}
      label={label}
      value={value}
      readOnly
      inputClassName="declaration-locked"
      hint={t('practices.wizard.lockedHint')}
    />
  )
}

interface TextProps {
  path: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'email' | 'tel'
  hint?: ReactNode
  autoComplete?: string
  inputMode?: 'text' | 'numeric' | 'tel' | 'email'
  maxLength?: number
  /** Written in capitals (codes, plates). */
  upper?: boolean
  /** Marked * whatever the catalogue says (a part asked only in this case). */
  required?: boolean
}

export function DeclText({
  path,
  label,
  value,
  onChange,
  type = 'text',
  hint,
  autoComplete = 'off',
  inputMode,
  maxLength,
  upper,
  required,
}: TextProps) {
  const rules = useFieldRules()
  if (rules.locked(path)) return <LockedValue path={path} label={label} value={value} />
  return (
    <TextField
      id={fieldId(path)}
      name={path}
      label={label}
      type={type}
      value={value}
      hint={hint}
      error={rules.errorOf(path)}
      required={required ?? rules.required(path)}
      autoComplete={autoComplete}
      inputMode={inputMode}
      maxLength={maxLength}
      spellCheck={upper ? false : undefined}
      autoCapitalize={upper ? 'characters' : undefined}
      inputClassName={upper ? 'text-uppercase-input' : undefined}
      onChange={(e) => onChange(upper ? e.target.value.toUpperCase() : e.target.value)}
    />
  )
}

interface DateProps {
  path: string
  label: string
  value: string | null
  onChange: (value: string | null) => void
  /** Past dates only (birth, issue, registration). */
  past?: boolean
  required?: boolean
}

export function DeclDate({ path, label, value, onChange, past = true, required }: DateProps) {
  const rules = useFieldRules()
  if (rules.locked(path))
    return <LockedValue path={path} label={label} value={registryDate(value ?? '')} />
  return (
    <TextField
      id={fieldId(path)}
      name={path}
      label={label}
      type="date"
      max={past ? todayIso() : undefined}
      value={value ?? ''}
      error={rules.errorOf(path)}
      required={required ?? rules.required(path)}
      onChange={(e) => onChange(e.target.value || null)}
    />
  )
}

interface ChoiceProps<V extends string> {
  path: string
  label: string
  options: ReadonlyArray<{ value: V; label: string }>
  value: V | null
  onChange: (value: V) => void
  required?: boolean
  /** Options side by side (short labels) or one under the other. */
  inline?: boolean
}

export function DeclRadio<V extends string>({
  path,
  label,
  options,
  value,
  onChange,
  required,
  inline,
}: ChoiceProps<V>) {
  const rules = useFieldRules()
  if (rules.locked(path)) {
    const shown = options.find((o) => o.value === value)?.label ?? value ?? ''
    return <LockedValue path={path} label={label} value={shown} />
  }
  return (
    <RadioGroup
      id={fieldId(path)}
      legend={label}
      options={options}
      value={value ?? ''}
      onChange={onChange}
      error={rules.errorOf(path)}
      required={required ?? rules.required(path)}
      inline={inline}
    />
  )
}

interface SelectProps<V extends string> extends Omit<ChoiceProps<V>, 'onChange'> {
  onChange: (value: V | null) => void
  /** The first option, for no choice. */
  emptyLabel: string
}

export function DeclSelect<V extends string>({
  path,
  label,
  options,
  value,
  onChange,
  emptyLabel,
  required,
}: Omit<SelectProps<V>, 'inline'>) {
  const rules = useFieldRules()
  if (rules.locked(path)) {
    const shown = options.find((o) => o.value === value)?.label ?? value ?? ''
    return <LockedValue path={path} label={label} value={shown} />
  }
  return (
    <SelectField
      id={fieldId(path)}
      name={path}
      label={label}
      value={value ?? ''}
      error={rules.errorOf(path)}
      required={required ?? rules.required(path)}
      onChange={(e) => onChange((e.target.value || null) as V | null)}
    >
      <option value="">{emptyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  )
}

export function DeclCheckbox({
  path,
  label,
  checked,
  onChange,
}: {
  path: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const rules = useFieldRules()
  const error = rules.errorOf(path)
  const id = fieldId(path)
  return (
    <div className="mb-3">
      <CheckboxField
        id={id}
        label={label}
        checked={checked}
        disabled={rules.locked(path)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      {error ? (
        <div id={`${id}-error`} className="text-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
}

// The names of the places the declaration names: the declaration keeps only the code; the
// server sends the names with each practice (`place_names`), the search adds those chosen.
const placeNames = new Map<string, Place>()

/** Keeps the names the server sent with a practice ("Roma (RM)"). */
export function rememberPlaceNames(names: Record<string, string> | undefined) {
  for (const [code, name] of Object.entries(names ?? {}))
    if (!placeNames.has(code))
      placeNames.set(code, { code, name, kind: code.startsWith('Z') ? 'state' : 'comune' } as Place)
}

/** The place of a code: as chosen from the search, or the bare code (the registry's). */
export function placeOf(code: string): Place | null {
  if (!code) return null
  return placeNames.get(code) ?? ({ code, name: code, kind: 'comune' } as Place)
}

/** The name of a place code when known, else the code. */
export function placeLabel(code: string): string {
  const place = placeNames.get(code)
  if (!place) return code
  return `${place.name}${place.province ? ` (${place.province})` : ''}`
}

export function DeclPlace({
  path,
  label,
  kind,
  value,
  onChange,
  required,
  knownName,
}: {
  path: string
  label: string
  kind?: PlaceKind
  value: string
  onChange: (code: string) => void
  required?: boolean
  /** The place's name when known otherwise (a registry birthplace). */
  knownName?: string
}) {
  const rules = useFieldRules()
  // Re-rendered when a place is chosen (the name cache is not state).
  const [, setChosen] = useState(0)
  if (rules.locked(path))
    return (
      <LockedValue
        path={path}
        label={label}
        value={value ? (knownName ?? placeLabel(value)) : ''}
      />
    )
  return (
    <PlacePicker
      id={fieldId(path)}
      kind={kind}
      label={label}
      value={placeOf(value)}
      required={required ?? rules.required(path)}
      error={rules.errorOf(path)}
      onChange={(place) => {
        if (place) placeNames.set(place.code, place)
        setChosen((n) => n + 1)
        onChange(place?.code ?? '')
      }}
    />
  )
}
