import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DocumentDelivery } from '@/components/DocumentDelivery'
import { Notice } from '@/components/Notice'
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
  const headingRef = useRef<HTMLHeadingElement>(null)
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
      <DocumentDelivery
        documentId={declaration.id}
        download={download}
        texts={{
          download: t('selfDeclarations.download'),
          email: t('selfDeclarations.email.title'),
          downloading: t('selfDeclarations.downloading'),
          downloaded: (file) => t('selfDeclarations.downloaded', { file }),
          downloadFailed: t('selfDeclarations.downloadFailed'),
          emailSentPrefix: 'selfDeclarations.email',
        }}
        emailForm={(close) => (
          <EmailDeclarationForm declarationId={declaration.id} headingLevel={3} {...close} />
        )}
      />
    </section>
  )
}
