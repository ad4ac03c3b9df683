import { useMutation } from '@tanstack/react-query'
import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { EMAIL_MESSAGE_MAX, type EmailBody, isEmailAddress } from '@/lib/email'
import { ProblemAlert } from './ProblemAlert'
import { TextAreaField } from './TextAreaField'
import { TextField } from './TextField'

interface EmailFormProps {
  /** Prefix of the fields' ids, unique on the page (e.g. `email-<document id>`). */
  idPrefix: string
  /** The form's heading, e.g. the seed's "Invia certificato per email". */
  title: string
  /** What is sent, said before the fields. */
  intro: string
  /** Said above the server's explanation when sending failed. */
  failed: string
  headingLevel: 2 | 3
  /** Sends the document (the endpoint answers 202): rejects with the ApiError. */
  send: (body: EmailBody) => Promise<unknown>
  onSent: (sent: EmailBody) => void
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
 * A document to any address by e-mail (seed 001 "Invia certificato per email", "Invia
 * autocertificazione per email"), with copies and a message of one's own.
 */
export function EmailForm({
  idPrefix,
  title,
  intro,
  failed,
  headingLevel,
  send,
  onSent,
  onCancel,
}: EmailFormProps) {
  const { t } = useTranslation()
  const sending = useMutation({ mutationFn: send })
  const [to, setTo] = useState('')
  // Each copy has a stable key, so that removing one keeps the others' fields in place.
  const [copies, setCopies] = useState<Array<{ key: number; value: string }>>([])
  const nextKey = useRef(0)
  const [message, setMessage] = useState('')
  const [errors, setErrors] = useState<Errors>({ cc: {} })
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const titleId = `${idPrefix}-title`
  const toId = `${idPrefix}-to`
  const ccId = (key: number) => `${idPrefix}-cc-${key}`

  // Opened on request: the reader continues with the recipient.
  useEffect(() => document.getElementById(toId)?.focus(), [toId])

  const addCopy = () => {
    const key = nextKey.current++
    setCopies((list) => [...list, { key, value: '' }])
    // The new field exists after this render.
    setTimeout(() => document.getElementById(ccId(key))?.focus())
  }

  const validate = (): Errors => {
    const found: Errors = { cc: {} }
    if (to.trim() === '') found.to = t('common.email.errors.toMissing')
    else if (!isEmailAddress(to)) found.to = t('common.email.errors.invalid')
    copies.forEach(({ value }, index) => {
      if (value.trim() !== '' && !isEmailAddress(value))
        found.cc[index] = t('common.email.errors.invalid')
    })
    return found
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (sending.isPending) return
    const found = validate()
    setErrors(found)
    const firstCopy = Object.keys(found.cc).map(Number)[0]
    if (found.to || firstCopy !== undefined) {
      sending.reset()
      const id = found.to ? toId : ccId(copies[firstCopy!]!.key)
      document.getElementById(id)?.focus()
      return
    }
    const cc = copies.map(({ value }) => value.trim()).filter((v) => v !== '')
    const body: EmailBody = { to: to.trim() }
    if (cc.length > 0) body.cc = cc
    if (message.trim() !== '') body.message = message.trim()
    sending.mutate(body, {
      onSuccess: () => onSent(body),
      onError: (error) => setErrors(serverErrors(error)),
    })
  }

  const unplaced =
    sending.isError && !errors.to && !errors.message && Object.keys(errors.cc).length === 0

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={titleId}
      className="email-form border rounded p-4 mt-3"
    >
      <Heading id={titleId} className="h5">
        {title}
      </Heading>
      <p>{intro}</p>
      <TextField
        id={toId}
        type="email"
        autoComplete="email"
        label={t('common.email.to')}
        required
        maxLength={254}
        value={to}
        error={errors.to}
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
              label={t('common.email.cc', { number: index + 1 })}
              maxLength={254}
              value={value}
              error={errors.cc[index]}
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
            {t('common.email.removeCc', { number: index + 1 })}
          </Button>
        </div>
      ))}
      <p>
        <Button color="primary" outline size="sm" type="button" onClick={addCopy}>
          {t('common.email.addCc')}
        </Button>
      </p>
      <TextAreaField
        id={`${idPrefix}-message`}
        label={t('common.email.message')}
        placeholder={t('common.email.messagePlaceholder')}
        maxLength={EMAIL_MESSAGE_MAX}
        value={message}
        error={errors.message}
        onChange={(e) => {
          setMessage(e.target.value)
          setErrors((x) => ({ ...x, message: undefined }))
        }}
      />
      {unplaced ? <ProblemAlert error={sending.error} context={failed} /> : null}
      <div className="d-flex flex-wrap gap-3">
        <Button color="primary" type="submit" disabled={sending.isPending}>
          {sending.isPending ? t('common.email.sending') : t('common.email.send')}
        </Button>
        <Button color="secondary" outline type="button" onClick={onCancel}>
          {t('common.email.cancel')}
        </Button>
      </div>
    </form>
  )
}
