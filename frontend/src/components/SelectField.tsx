import { forwardRef, type ReactNode, type SelectHTMLAttributes } from 'react'

interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'className'
> {
  id: string
  label: string
  hint?: ReactNode
  error?: ReactNode
  children: ReactNode
}

/** A native select with its label, hint and error tied to it, like TextField. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { id, label, hint, error, required, children, ...select },
  ref,
) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ')
  return (
    <div className="form-group text-field select-field">
      <label htmlFor={id} className="active text-field-label">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        ref={ref}
        id={id}
        className={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required ? true : undefined}
        {...select}
      >
        {children}
      </select>
      {hint ? (
        <small id={hintId} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div id={errorId} className="text-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
})
