import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { type EmailRequest, useEmailCertificate } from '../api/useEmailCertificate'
import { EMAIL_MESSAGE_MAX, isEmailAddress } from '../rules'
import { TextAreaField } from '@/components/TextAreaField'

interface EmailCertificateFormProps {
  certificateId: string
  /** The form's heading; the seed's "Invia certificato per email" by default. */
  title?: string
  headingLevel: 2 | 3
  onSent: (sent: EmailRequest) => void
  onCancel: () => void
}

interface Errors {
  to?: string
  cc: Record<number, string>
  message?: string
}

/** The server names a copy address `cc`, `cc.1` or `cc[1]`; all go to the copies. */
function serverErrors(error: unknown): Errors {
  const fields = fieldErrorsOf(error)
  const cc: Record<number, string> = {}
  for (const [field, message] of Object.entries(fields)) {
    const match = /^cc(?:\.(\d+)|\[(\d+)\])?$/.exec(field)
    if (match) cc[Number(match[1] ?? match[2] ?? 0)] = message
  }
  return { to: fields.to, cc, message: fields.message }
}

/**
 * "Invia certificato per email" (seed 001): the signed certificate to any address, with
 * copies and a message of one's own.
 */
export function EmailCertificateForm({
  certificateId,
  title,
  headingLevel,
  onSent,
  onCancel,
}: EmailCertificateFormProps) {
  const { t } = useTranslation()
  const send = useEmailCertificate()
  const [to, setTo] = useState('')
  // Each copy has a stable key, so that removing one keeps the others' fields in place.
  const [copies, setCopies] = useState<Array<{ key: number; value: string }>>([])
  const nextKey = useRef(0)
  const [message, setMessage] = useState('')
  const [errors, setErrors] = useState<Errors>({ cc: {} })
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const titleId = `email-${certificateId}-title`
  const ccId = (key: number) => `email-${certificateId}-cc-${key}`

  // Opened on request: the reader continues with the recipient.
  useEffect(() => document.getElementById(`email-${certificateId}-to`)?.focus(), [certificateId])

  const addCopy = () => {
    const key = nextKey.current++
    setCopies((list) => [...list, { key, value: '' }])
    // The new field exists after this render.
    setTimeout(() => document.getElementById(ccId(key))?.focus())
  }

  const validate = (): Errors => {
    const found: Errors = { cc: {} }
    if (to.trim() === '') found.to = t('certificates.email.errors.toMissing')
    else if (!isEmailAddress(to)) found.to = t('certificates.email.errors.invalid')
    copies.forEach(({ value }, index) => {
      if (value.trim() !== '' && !isEmailAddress(value))
        found.cc[index] = t('certificates.email.errors.invalid')
    })
    return found
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (send.isPending) return
    const found = validate()
    setErrors(found)
    const firstCopy = Object.keys(found.cc).map(Number)[0]
    if (found.to || firstCopy !== undefined) {
      send.reset()
      const id = found.to ? `email-${certificateId}-to` : ccId(copies[firstCopy!]!.key)
      document.getElementById(id)?.focus()
      return
    }
    const cc = copies.map(({ value }) => value.trim()).filter((v) => v !== '')
    const body: EmailRequest = { to: to.trim() }
    if (cc.length > 0) body.cc = cc
    if (message.trim() !== '') body.message = message.trim()
    send.mutate(
      { id: certificateId, body },
      {
        onSuccess: onSent,
        onError: (error) => setErrors(serverErrors(error)),
      },
    )
  }

  const fieldErrors = errors
  const unplaced =
    send.isError &&
    !fieldErrors.to &&
    !fieldErrors.message &&
    Object.keys(fieldErrors.cc).length === 0

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      className="email-certificate-form border rounded p-4 mt-3"
    >
      <Heading id={titleId} className="h5">
        {title ?? t('certificates.email.title')}
      </Heading>
      <p>{t('certificates.email.intro')}</p>
      <TextField
        id={`email-${certificateId}-to`}
        type="email"
        autoComplete="email"
        label={t('certificates.email.to')}
        required
        maxLength={254}
        value={to}
        error={fieldErrors.to}
        onChange={(e) => {
          setTo(e.target.value)
          setErrors((x) => ({ ...x, to: undefined }))
        }}
      />
      {copies.map(({ key, value }, index) => (
        <div key={key} className="d-flex align-items-start gap-2">
          <div className="flex-grow-1">
            <TextField
              id={ccId(key)}
              type="email"
              label={t('certificates.email.cc', { number: index + 1 })}
              maxLength={254}
              value={value}
              error={fieldErrors.cc[index]}
              onChange={(e) => {
                const next = e.target.value
                setCopies((list) => list.map((c) => (c.key === key ? { key, value: next } : c)))
                setErrors((x) => ({ ...x, cc: {} }))
              }}
            />
          </div>
          <Button
            color="secondary"
            outline
            size="sm"
            type="button"
            className="mt-4"
            onClick={() => {
              setCopies((list) => list.filter((c) => c.key !== key))
              setErrors((x) => ({ ...x, cc: {} }))
            }}
          >
            {t('certificates.email.removeCc', { number: index + 1 })}
          </Button>
        </div>
      ))}
      <p>
        <Button color="primary" outline size="sm" type="button" onClick={addCopy}>
          {t('certificates.email.addCc')}
        </Button>
      </p>
      <TextAreaField
        id={`email-${certificateId}-message`}
        label={t('certificates.email.message')}
        placeholder={t('certificates.email.messagePlaceholder')}
        maxLength={EMAIL_MESSAGE_MAX}
        value={message}
        error={fieldErrors.message}
        onChange={(e) => {
          setMessage(e.target.value)
          setErrors((x) => ({ ...x, message: undefined }))
        }}
      />
      {unplaced ? (
        <ProblemAlert error={send.error} context={t('certificates.email.failed')} />
      ) : null}
      <div className="d-flex flex-wrap gap-3">
        <Button color="primary" type="submit" disabled={send.isPending}>
          {send.isPending ? t('certificates.email.sending') : t('certificates.email.send')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onCancel}>
          {t('certificates.email.cancel')}
        </Button>
      </div>
    </form>
  )
}
