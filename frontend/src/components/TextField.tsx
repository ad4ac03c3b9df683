import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react'

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  id: string
  label: string
  /** Help shown under the field and read with it. */
  hint?: ReactNode
  /** A message saying what is wrong; marks the field invalid and is read with it. */
  error?: ReactNode
  /** Ids of further elements that describe the field (for example a list of problems). */
  describedBy?: string[]
  /** Marks the field invalid without an error message of its own. */
  invalid?: boolean
  /** Extra classes for the input element. */
  inputClassName?: string
}

/**
 * A Bootstrap Italia text field whose hint and errors are tied to the input with
 * aria-describedby, and whose invalid state is announced with aria-invalid
 * (the kit's Input does neither).
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, hint, error, describedBy = [], invalid = false, required, inputClassName, ...input },
  ref,
) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const isInvalid = invalid || Boolean(error)
  const describedByIds = [hintId, errorId, ...describedBy].filter(Boolean).join(' ')
  return (
    <div className="form-group text-field">
      <label htmlFor={id} className="active text-field-label">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        ref={ref}
        id={id}
        className={['form-control', isInvalid ? 'is-invalid' : '', inputClassName ?? '']
          .filter(Boolean)
          .join(' ')}
        aria-invalid={isInvalid ? true : undefined}
        aria-describedby={describedByIds || undefined}
        aria-required={required ? true : undefined}
        {...input}
      />
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
