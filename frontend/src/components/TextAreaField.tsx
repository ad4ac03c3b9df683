import { forwardRef, type ReactNode, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

interface TextAreaFieldProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'className' | 'value' | 'maxLength'
> {
  id: string
  label: string
  value: string
  /** With a limit, a count of the characters typed is shown under the field. */
  maxLength?: number
  hint?: ReactNode
  error?: ReactNode
}

/**
 * A text area with its label, hint, error and (with a limit) a count of the characters,
 * all tied to it with aria-describedby, as TextField does for inputs.
 */
export const TextAreaField = forwardRef<HTMLTextAreaElement, TextAreaFieldProps>(
  function TextAreaField({ id, label, value, maxLength, hint, error, required, ...area }, ref) {
    const { t } = useTranslation()
    const hintId = hint ? `${id}-hint` : undefined
    const counterId = maxLength === undefined ? undefined : `${id}-counter`
    const errorId = error ? `${id}-error` : undefined
    return (
      <div className="form-group text-field textarea-field">
        <label htmlFor={id} className="active text-field-label">
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </label>
        <textarea
          ref={ref}
          id={id}
          className={`form-control${error ? ' is-invalid' : ''}`}
          rows={4}
          value={value}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={[hintId, counterId, errorId].filter(Boolean).join(' ')}
          {...area}
        />
        {hint ? (
          <small id={hintId} className="form-text d-block">
            {hint}
          </small>
        ) : null}
        {counterId ? (
          <small id={counterId} className="form-text d-block">
            {t('common.characters', { count: value.length, max: maxLength })}
          </small>
        ) : null}
        {error ? (
          <div id={errorId} className="text-field-error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    )
  },
)
