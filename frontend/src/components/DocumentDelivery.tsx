import type { UseMutationResult } from '@tanstack/react-query'
import { Button } from 'design-react-kit'
import { type ReactNode, useState } from 'react'
import { EmailSentNotice } from '@/components/EmailSentNotice'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { EmailBody } from '@/lib/email'

interface DocumentDeliveryProps {
  documentId: string
  /** Downloads the document by id and resolves to the file's name. */
  download: UseMutationResult<string, Error, string>
  texts: {
    download: string
    email: string
    /** Said while the download runs; nothing when absent. */
    downloading?: string
    downloaded: (file: string) => string
    downloadFailed: string
    /** The prefix of `<prefix>.sent` and `<prefix>.sentCc`. */
    emailSentPrefix: string
  }
  /** The feature's e-mail form, told how to close. */
  emailForm: (close: { onSent: (sent: EmailBody) => void; onCancel: () => void }) => ReactNode
}

/**
 * "Scegli come riceverlo" (seed 001) for a document just made: download it (again), or
 * open the e-mail form; what happened is announced, and focus returns to the e-mail button.
 */
export function DocumentDelivery({
  documentId,
  download,
  texts,
  emailForm,
}: DocumentDeliveryProps) {
  const [emailing, setEmailing] = useState(false)
  const [sent, setSent] = useState<EmailBody | null>(null)
  // By id, not by ref: the closing callbacks are handed to the form while rendering.
  const emailButtonId = `email-button-${documentId}`
  const close = () => {
    setEmailing(false)
    document.getElementById(emailButtonId)?.focus()
  }
  return (
    <>
      <div className="d-flex flex-wrap gap-3">
        <Button
          color="primary"
          type="button"
          disabled={download.isPending}
          onClick={() => download.mutate(documentId)}
        >
          {texts.download}
        </Button>
        <Button
          color="primary"
          outline
          type="button"
          id={emailButtonId}
          aria-expanded={emailing}
          onClick={() => {
            setSent(null)
            setEmailing((open) => !open)
          }}
        >
          {texts.email}
        </Button>
      </div>
      <div role="status" className="mt-3">
        {download.isPending && texts.downloading ? <p>{texts.downloading}</p> : null}
        {download.isSuccess ? (
          <Notice color="info">{texts.downloaded(download.data)}</Notice>
        ) : null}
        {sent ? <EmailSentNotice sent={sent} textsPrefix={texts.emailSentPrefix} /> : null}
      </div>
      {download.isError ? (
        <ProblemAlert error={download.error} context={texts.downloadFailed} />
      ) : null}
      {emailing
        ? emailForm({
            onSent: (body) => {
              setSent(body)
              close()
            },
            onCancel: close,
          })
        : null}
    </>
  )
}
