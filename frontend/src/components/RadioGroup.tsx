import type { ReactNode } from 'react'

interface RadioGroupProps<V extends string> {
  /** Prefix of the inputs' ids; also names the group. */
  id: string
  legend: string
  options: ReadonlyArray<{ value: V; label: string }>
  value: V | ''
  onChange: (value: V) => void
  error?: ReactNode
  required?: boolean
  inline?: boolean
}

/**
 * Bootstrap Italia radio buttons in a fieldset whose legend names the question; an error is
 * tied to every option with aria-describedby and marks them invalid.
 */
export function RadioGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  required,
  inline = true,
}: RadioGroupProps<V>) {
  const errorId = error ? `${id}-error` : undefined
  return (
    <fieldset className="form-group radio-group" id={id}>
      <legend className="radio-group-legend">
        {legend}
        {required ? <span aria-hidden="true"> *</span> : null}
      </legend>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`
        return (
          <div key={option.value} className={`form-check${inline ? ' form-check-inline' : ''}`}>
            <input
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={errorId}
              required={required}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        )
      })}
      {error ? (
        <div id={errorId} className="text-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  )
}
