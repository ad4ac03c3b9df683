import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RadioGroup } from '@/components/RadioGroup'
import { TextField } from '@/components/TextField'
import {
  emptySearch,
  localToday,
  type PersonQuery,
  REASON_MAX,
  REASON_MIN,
  type SearchErrors,
  type SearchField,
  type SearchForm,
  type SearchMode,
  validateSearch,
} from '../search'
import { TextAreaField } from '@/components/TextAreaField'

const FIELD_ORDER: SearchField[] = ['fiscalCode', 'surname', 'name', 'birthDate', 'reason']

interface PersonSearchFormProps {
  busy: boolean
  onSearch: (query: PersonQuery) => void
}

export function PersonSearchForm({ busy, onSearch }: PersonSearchFormProps) {
  const { t } = useTranslation()
  const [form, setForm] = useState<SearchForm>(emptySearch)
  const [errors, setErrors] = useState<SearchErrors>({})
  const inputs = useRef<
    Partial<Record<SearchField, HTMLInputElement | HTMLTextAreaElement | null>>
  >({})

  const set = (field: keyof SearchForm) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }))
  const error = (field: SearchField) =>
    errors[field]
      ? t(`thirdParty.errors.${errors[field]}`, { min: REASON_MIN, max: REASON_MAX })
      : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const result = validateSearch(form, localToday())
    if (result.errors) {
      setErrors(result.errors)
      const first = FIELD_ORDER.find((field) => result.errors[field])
      if (first) inputs.current[first]?.focus()
      return
    }
    setErrors({})
    onSearch(result.query)
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('thirdParty.form.label')}>
      <RadioGroup<SearchMode>
        id="search-mode"
        legend={t('thirdParty.form.mode')}
        options={[
          { value: 'fiscal_code', label: t('thirdParty.form.byFiscalCode') },
          { value: 'personal_data', label: t('thirdParty.form.byPersonalData') },
        ]}
        value={form.mode}
        onChange={(mode) => {
          setErrors({})
          setForm((current) => ({ ...current, mode }))
        }}
      />
      {form.mode === 'fiscal_code' ? (
        <TextField
          ref={(el) => {
            inputs.current.fiscalCode = el
          }}
          id="search-fiscal-code"
          label={t('thirdParty.form.fiscalCode')}
          required
          value={form.fiscalCode}
          error={error('fiscalCode')}
          onChange={(e) => set('fiscalCode')(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          inputClassName="font-monospace"
        />
      ) : (
        <>
          <TextField
            ref={(el) => {
              inputs.current.surname = el
            }}
            id="search-surname"
            label={t('thirdParty.form.surname')}
            required
            value={form.surname}
            error={error('surname')}
            onChange={(e) => set('surname')(e.target.value)}
            autoComplete="off"
          />
          <TextField
            ref={(el) => {
              inputs.current.name = el
            }}
            id="search-name"
            label={t('thirdParty.form.name')}
            required
            value={form.name}
            error={error('name')}
            onChange={(e) => set('name')(e.target.value)}
            autoComplete="off"
          />
          <TextField
            ref={(el) => {
              inputs.current.birthDate = el
            }}
            id="search-birth-date"
            type="date"
            label={t('thirdParty.form.birthDate')}
            required
            max={localToday()}
            value={form.birthDate}
            error={error('birthDate')}
            onChange={(e) => set('birthDate')(e.target.value)}
          />
        </>
      )}
      <TextAreaField
        ref={(el) => {
          inputs.current.reason = el
        }}
        id="search-reason"
        label={t('thirdParty.form.reason')}
        hint={t('thirdParty.form.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
        required
        maxLength={REASON_MAX}
        value={form.reason}
        error={error('reason')}
        onChange={(e) => set('reason')(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? t('thirdParty.form.searching') : t('thirdParty.form.submit')}
      </button>
    </form>
  )
}
