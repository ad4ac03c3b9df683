import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextAreaField } from '@/components/TextAreaField'
import { formatDateTime } from '@/lib/format'
import type { IssuedCertificate } from '../api/useIssuedCertificates'
import { REASON_MAX, REASON_MIN, reasonProblem } from '../rules'

interface RevokeCertificateFormProps {
  certificate: IssuedCertificate
  busy: boolean
  /** The server's word on the reason (422), shown under the field. */
  reasonRefusal: string | null
  /** Any other failure of the last attempt. */
  error: unknown
  onConfirm: (reason: string) => void
  onCancel: () => void
}

/**
 * The confirmation asked before a revocation, which cannot be undone: what is revoked,
 * what follows, and the reason the law requires to be recorded. The title takes the focus,
 * so that a screen reader reads the question first.
 */
export function RevokeCertificateForm({
  certificate,
  busy,
  reasonRefusal,
  error,
  onConfirm,
  onCancel,
}: RevokeCertificateFormProps) {
  const { t, i18n } = useTranslation()
  const [reason, setReason] = useState('')
  const [submitted, setSubmitted] = useState(false)
  // The server's refusal concerns the text it was sent, not one edited since.
  const [sentReason, setSentReason] = useState<string | null>(null)
  const titleRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    titleRef.current?.focus()
  }, [])

  const problem = reasonProblem(reason)
  const reasonError =
    submitted && problem
      ? t(`certificateOffice.revokeForm.errors.${problem}`, { min: REASON_MIN, max: REASON_MAX })
      : reasonRefusal && reason.trim() === sentReason
        ? reasonRefusal
        : null
  const fieldId = 'revocation-reason'
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (problem) {
      document.getElementById(fieldId)?.focus()
      return
    }
    setSentReason(reason.trim())
    onConfirm(reason.trim())
  }

  return (
    <section className="confirmation-box mt-4 p-3" aria-labelledby="revocation-title">
      <h2 id="revocation-title" className="h4" tabIndex={-1} ref={titleRef}>
        {t('certificateOffice.revokeForm.title', { id: certificate.id })}
      </h2>
      <p>
        {t('certificateOffice.revokeForm.summary', {
          type: certificate.type_name,
          name: `${certificate.subject_surname} ${certificate.subject_name}`,
          fiscalCode: certificate.subject_fiscal_code,
          issuedAt: formatDateTime(certificate.issued_at, i18n.language),
        })}
      </p>
      <p>{t('certificateOffice.revokeForm.explanation')}</p>
      <form noValidate onSubmit={submit}>
        <TextAreaField
          id={fieldId}
          label={t('certificateOffice.revokeForm.reason')}
          hint={t('certificateOffice.revokeForm.reasonHint', { min: REASON_MIN, max: REASON_MAX })}
          required
          maxLength={REASON_MAX}
          value={reason}
          error={reasonError || undefined}
          onChange={(event) => setReason(event.target.value)}
        />
        {error ? (
          <ProblemAlert error={error} context={t('certificateOffice.revokeFailed')} />
        ) : null}
        <div className="d-flex flex-wrap gap-3">
          <button type="submit" className="btn btn-danger" disabled={busy}>
            {busy
              ? t('certificateOffice.revokeForm.revoking')
              : t('certificateOffice.revokeForm.confirm')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel}>
            {t('certificateOffice.revokeForm.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
