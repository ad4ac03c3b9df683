import { useEffect, useRef } from 'react'

interface ConfirmationProps {
  /** Id of the question, which names the group. */
  id: string
  question: string
  explanation: string
  confirmLabel: string
  cancelLabel: string
  busy: boolean
  busyLabel: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * The question asked before an action that cannot be undone from here (a lock, a new
 * password, a deletion). The question takes the focus, so that a screen reader reads it.
 */
export function Confirmation({
  id,
  question,
  explanation,
  confirmLabel,
  cancelLabel,
  busy,
  busyLabel,
  onConfirm,
  onCancel,
}: ConfirmationProps) {
  const questionRef = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    questionRef.current?.focus()
  }, [])
  return (
    <div className="confirmation-box mt-3 p-3" role="group" aria-labelledby={id}>
      <p id={id} className="fw-semibold" tabIndex={-1} ref={questionRef}>
        {question}
      </p>
      <p>{explanation}</p>
      <div className="d-flex flex-wrap gap-3">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={onConfirm}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  )
}
