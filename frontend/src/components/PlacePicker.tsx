import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Place, type PlaceKind, usePlaceSearch } from '@/lib/usePlaceSearch'
import { TextField } from './TextField'

interface PlacePickerProps {
  id: string
  /** Municipalities or foreign states; both when left out. */
  kind?: PlaceKind
  label: string
  value: Place | null
  onChange: (place: Place | null) => void
  error?: string
  /** Marked * (the default); false for a place asked only in some cases. */
  required?: boolean
}

function describe(place: Place): string {
  const province = place.province ? ` (${place.province})` : ''
  return `${place.name}${province}`
}

/**
 * Search a municipality or a foreign state by name, then choose it from the results: a
 * list of buttons reached with Tab (no ARIA combobox to learn), the number of results
 * announced politely. Once chosen, the place is shown with a button to change it.
 */
export function PlacePicker({
  id,
  kind,
  label,
  value,
  onChange,
  error,
  required = true,
}: PlacePickerProps) {
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

  const search = usePlaceSearch(query, kind)
  const results = query.trim().length >= 2 ? (search.data ?? []) : []
  const searched = query.trim().length >= 2 && search.isSuccess

  if (value) {
    return (
      <div className="form-group place-picker" id={id}>
        <p className="text-field-label mb-1" id={`${id}-label`}>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </p>
        <p className="place-chosen mb-0">
          <span id={`${id}-value`}>
            {value.name === value.code ? null : `${describe(value)} `}
            <span className="font-monospace">{value.code}</span>
          </span>{' '}
          <button
            ref={changeRef}
            type="button"
            className="btn btn-link p-0 align-baseline"
            aria-describedby={`${id}-label ${id}-value${error ? ` ${id}-error` : ''}`}
            onClick={() => {
              focusNext.current = 'input'
              setText('')
              setQuery('')
              onChange(null)
            }}
          >
            {t('registration.place.change')}
          </button>
        </p>
        {error ? (
          <div id={`${id}-error`} className="text-field-error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    )
  }

  const ceasedNote = (place: Place) =>
    place.valid_to
      ? ` – ${t('registration.place.until', { year: place.valid_to.slice(0, 4) })}`
      : ''

  return (
    <div className="place-picker">
      <TextField
        ref={inputRef}
        id={id}
        type="search"
        label={label}
        hint={t('registration.place.hint')}
        error={error}
        required={required}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the only result instead of sending the form.
          if (e.key === 'Enter') {
            e.preventDefault()
            if (results.length === 1 && results[0]) {
              focusNext.current = 'change'
              onChange(results[0])
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
            ? t('registration.place.none')
            : t('registration.place.found', { count: results.length })
          : ''}
      </p>
      {results.length > 0 ? (
        <ul
          className="place-results list-unstyled"
          aria-label={t('registration.place.resultsLabel', { label })}
        >
          {results.map((place) => (
            <li key={`${place.code}-${place.valid_from ?? ''}`}>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => {
                  focusNext.current = 'change'
                  onChange(place)
                }}
              >
                {describe(place)}
                {ceasedNote(place)}
              </button>
            </li>
          ))}
        </ul>
      ) : searched ? (
        <p className="small">{t('registration.place.none')}</p>
      ) : null}
    </div>
  )
}
