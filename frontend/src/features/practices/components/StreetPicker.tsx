import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from '@/components/TextField'
import { useStreets } from '../api/useStreets'

interface StreetPickerProps {
  id: string
  label: string
  /** The street chosen, or '' */
  value: string
  onChange: (street: string) => void
  error?: string
  required?: boolean
}

/**
 * A street of the municipality's list (GET /streets): type part of the name, then choose
 * it from the results (buttons reached with Tab, their number announced politely). Only a
 * street of the list can be chosen; once chosen it is shown with a button to change it.
 */
export function StreetPicker({ id, label, value, onChange, error, required }: StreetPickerProps) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const changeRef = useRef<HTMLButtonElement>(null)
  const focusNext = useRef<'input' | 'change' | null>(null)

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 300)
    return () => clearTimeout(timer)
  }, [text])
  useEffect(() => {
    if (focusNext.current === 'change') changeRef.current?.focus()
    if (focusNext.current === 'input') inputRef.current?.focus()
    focusNext.current = null
  }, [value])

  const streets = useStreets(query)
  const results = query.trim().length >= 2 ? (streets.data ?? []) : []
  const searched = query.trim().length >= 2 && streets.isSuccess
  const errorId = error ? `${id}-error` : undefined

  if (value) {
    return (
      <div className="form-group street-picker" id={id}>
        <p className="text-field-label mb-1" id={`${id}-label`}>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </p>
        <p className="mb-0">
          <span id={`${id}-value`} className="fw-semibold">
            {value}
          </span>{' '}
          <button
            ref={changeRef}
            type="button"
            className="btn btn-link p-0 align-baseline"
            aria-describedby={[`${id}-label`, `${id}-value`, errorId].filter(Boolean).join(' ')}
            onClick={() => {
              focusNext.current = 'input'
              setText('')
              setQuery('')
              onChange('')
            }}
          >
            {t('practices.street.change')}
          </button>
        </p>
        {error ? (
          <div id={errorId} className="text-field-error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    )
  }

  return (
    <div className="street-picker">
      <TextField
        ref={inputRef}
        id={id}
        type="search"
        label={label}
        hint={t('practices.street.hint')}
        error={error}
        required={required}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the only result instead of sending a form.
          if (e.key === 'Enter') {
            e.preventDefault()
            if (results.length === 1 && results[0]) {
              focusNext.current = 'change'
              onChange(results[0].name)
            }
          }
        }}
        autoComplete="off"
        spellCheck={false}
        describedBy={[`${id}-status`]}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {searched
          ? results.length === 0
            ? t('practices.street.none')
            : t('practices.street.found', { count: results.length })
          : ''}
      </p>
      {results.length > 0 ? (
        <ul className="place-results list-unstyled" aria-label={t('practices.street.results')}>
          {results.map((street) => (
            <li key={`${street.name}-${street.postcode}`}>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => {
                  focusNext.current = 'change'
                  onChange(street.name)
                }}
              >
                {street.name}
              </button>
            </li>
          ))}
        </ul>
      ) : searched ? (
        <p className="small">{t('practices.street.none')}</p>
      ) : null}
    </div>
  )
}
