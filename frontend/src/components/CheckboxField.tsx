import type { InputHTMLAttributes } from 'react'

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string
  label: string
}

/** A Bootstrap Italia check box with its label. */
export function CheckboxField({ id, label, ...input }: CheckboxFieldProps) {
  return (
    <div className="form-check checkbox-field">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
