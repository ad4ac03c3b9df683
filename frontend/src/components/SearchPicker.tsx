import { type ReactNode, useEffect, useRef, useState } from 'react'
import { TextField } from './TextField'

/** What a search picker says, in the caller's words. */
export interface SearchPickerTexts {
  hint: string
  none: string
  found: (count: number) => string
  resultsLabel: string
  change: string
}

interface SearchPickerProps<T> {
  id: string
  label: string
  /** How the chosen value reads, or null while none is chosen. */
  chosen: ReactNode | null
  onClear: () => void
  /** The search, a query hook called with the debounced text (at least two characters). */
  useResults: (query: string) => { data?: readonly T[]; isSuccess: boolean }
  itemKey: (item: T) => string
  itemLabel: (item: T) => ReactNode
  onChoose: (item: T) => void
  texts: SearchPickerTexts
  error?: string
  required?: boolean
  className: string
}

/**
 * Type part of a name, then choose from the results: a list of buttons reached with Tab
 * (no ARIA combobox to learn), their number announced politely; Enter takes the only
 * result. Once chosen, the value is shown with a button to change it, and focus follows.
 */
export function SearchPicker<T>({
  id,
  label,
  chosen,
  onClear,
  useResults,
  itemKey,
  itemLabel,
  onChoose,
  texts,
  error,
  required,
  className,
}: SearchPickerProps<T>) {
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const changeRef = useRef<HTMLButtonElement>(null)
  const focusNext = useRef<'input' | 'change' | null>(null)
  const isChosen = chosen !== null

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 300)
    return () => clearTimeout(timer)
  }, [text])
  useEffect(() => {
    if (focusNext.current === 'change') changeRef.current?.focus()
    if (focusNext.current === 'input') inputRef.current?.focus()
    focusNext.current = null
  }, [isChosen, chosen])

  const search = useResults(query)
  const results = query.trim().length >= 2 ? (search.data ?? []) : []
  const searched = query.trim().length >= 2 && search.isSuccess
  const choose = (item: T) => {
    focusNext.current = 'change'
    onChoose(item)
  }

  if (isChosen) {
    return (
      <div className={`form-group ${className}`} id={id}>
        <p className="text-field-label mb-1" id={`${id}-label`}>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </p>
        <p className="place-chosen mb-0">
          <span id={`${id}-value`}>{chosen}</span>{' '}
          <button
            ref={changeRef}
            type="button"
            className="btn btn-link p-0 align-baseline"
            aria-describedby={`${id}-label ${id}-value${error ? ` ${id}-error` : ''}`}
            onClick={() => {
              focusNext.current = 'input'
              setText('')
              setQuery('')
              onClear()
            }}
          >
            {texts.change}
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

  return (
    <div className={className}>
      <TextField
        ref={inputRef}
        id={id}
        type="search"
        label={label}
        hint={texts.hint}
        error={error}
        required={required}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the only result instead of sending the form.
          if (e.key === 'Enter') {
            e.preventDefault()
            if (results.length === 1 && results[0] !== undefined) choose(results[0])
          }
        }}
        autoComplete="off"
        spellCheck={false}
        describedBy={[`${id}-status`]}
      />
      <p id={`${id}-status`} className="visually-hidden" aria-live="polite">
        {searched ? (results.length === 0 ? texts.none : texts.found(results.length)) : ''}
      </p>
      {results.length > 0 ? (
        <ul className="place-results list-unstyled" aria-label={texts.resultsLabel}>
          {results.map((item) => (
            <li key={itemKey(item)}>
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() => choose(item)}
              >
                {itemLabel(item)}
              </button>
            </li>
          ))}
        </ul>
      ) : searched ? (
        <p className="small">{texts.none}</p>
      ) : null}
    </div>
  )
}
