import { forwardRef, type TextareaHTMLAttributes } from 'react'

interface ReasonFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className'
> {
  id: string
  label: string
  hint: string
  error?: string
}

/** A text area with its label, hint and error tied to it, as TextField does for inputs. */
export const ReasonField = forwardRef<HTMLTextAreaElement, ReasonFieldProps>(function ReasonField(
  { id, label, hint, error, required, ...textarea },
  ref,
) {
  const hintId = `${id}-hint`
  const errorId = error ? `${id}-error` : undefined
  return (
    <div className="form-group text-field">
      <label htmlFor={id} className="active text-field-label">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea
        ref={ref}
        id={id}
        rows={3}
        className={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
        aria-required={required ? true : undefined}
        {...textarea}
      />
      <small id={hintId} className="form-text">
        {hint}
      </small>
      {error ? (
        <div id={errorId} className="text-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
})
