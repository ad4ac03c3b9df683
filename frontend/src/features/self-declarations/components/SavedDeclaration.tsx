import { Button } from 'design-react-kit'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EmailSentNotice } from '@/components/EmailSentNotice'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { EmailBody } from '@/lib/email'
import type { SelfDeclaration } from '../api/useCreateSelfDeclaration'
import { useDownloadSelfDeclaration } from '../api/useDownloadSelfDeclaration'
import { EmailDeclarationForm } from './EmailDeclarationForm'
import { SigningNotices } from './SigningNotices'

interface SavedDeclarationProps {
  declaration: SelfDeclaration
}

/**
 * After "Stampa": the declaration is in the archive and its PDF is downloaded; "Scegli
 * come ottenerlo" (seed 001) offers the download again and the e-mail.
 */
export function SavedDeclaration({ declaration }: SavedDeclarationProps) {
  const { t } = useTranslation()
  const download = useDownloadSelfDeclaration()
  const [emailing, setEmailing] = useState(false)
  const [sent, setSent] = useState<EmailBody | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const emailButtonRef = useRef<HTMLButtonElement>(null)
  const { mutate } = download
  const downloaded = useRef<string | null>(null)

  // The step appears in place of the preview: the reader continues from its heading, and
  // the PDF goes to the downloads at once ("stampa"), once per declaration.
  useEffect(() => {
    headingRef.current?.focus()
    if (downloaded.current === declaration.id) return
    downloaded.current = declaration.id
    mutate(declaration.id)
  }, [declaration.id, mutate])

  return (
    <section aria-labelledby="declaration-saved-title">
      <h2 id="declaration-saved-title" className="h3" tabIndex={-1} ref={headingRef}>
        {t('selfDeclarations.saved.title')}
      </h2>
      <Notice color="success">
        <p className="fw-semibold mb-1">
          {t('selfDeclarations.saved.ready', { type: declaration.type_name })}
        </p>
        <p className="mb-0">
          {t('selfDeclarations.saved.id')}{' '}
          <span className="font-monospace fw-semibold">{declaration.id}</span>
        </p>
      </Notice>
      <SigningNotices identityDocument={declaration.article === 47} />
      <div className="d-flex flex-wrap gap-3">
        <Button
          color="primary"
          type="button"
          disabled={download.isPending}
          onClick={() => download.mutate(declaration.id)}
        >
          {t('selfDeclarations.download')}
        </Button>
        <Button
          color="primary"
          outline
          type="button"
          innerRef={emailButtonRef}
          aria-expanded={emailing}
          onClick={() => {
            setSent(null)
            setEmailing((open) => !open)
          }}
        >
          {t('selfDeclarations.email.title')}
        </Button>
      </div>
      <div role="status" className="mt-3">
        {download.isPending ? <p>{t('selfDeclarations.downloading')}</p> : null}
        {download.isSuccess ? (
          <Notice color="info">{t('selfDeclarations.downloaded', { file: download.data })}</Notice>
        ) : null}
        {sent ? <EmailSentNotice sent={sent} textsPrefix="selfDeclarations.email" /> : null}
      </div>
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('selfDeclarations.downloadFailed')} />
      ) : null}
      {emailing ? (
        <EmailDeclarationForm
          declarationId={declaration.id}
          headingLevel={3}
          onSent={(body) => {
            setSent(body)
            setEmailing(false)
            emailButtonRef.current?.focus()
          }}
          onCancel={() => {
            setEmailing(false)
            emailButtonRef.current?.focus()
          }}
        />
      ) : null}
    </section>
  )
}
