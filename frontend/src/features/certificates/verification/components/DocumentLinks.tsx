import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { CertificateQuery } from '../api/useCertificateStatus'
import { useStoredDocument } from '../api/useStoredDocument'

/**
 * The two ways of seeing the stored certificate (seed 001 §8.1). They are one document,
 * which carries both the PAdES signature and the QR stamp: the first is downloaded, to
 * check its signature with a verifier; the second opens for reading.
 */
export function DocumentLinks({ query }: { query: CertificateQuery }) {
  const { t } = useTranslation()
  const document = useStoredDocument(query)
  return (
    <section aria-labelledby="stored-document" className="mt-4">
      <h3 id="stored-document" className="h5">
        {t('verification.documents.title')}
      </h3>
      <p>{t('verification.documents.explanation')}</p>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={document.isPending}
          onClick={() => document.mutate({ kind: 'download' })}
        >
          {t('verification.documents.signed')}
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={document.isPending}
          onClick={() => document.mutate({ kind: 'view', tab: window.open('', '_blank') })}
        >
          {t('verification.documents.stamped')}{' '}
          <span className="visually-hidden">{t('verification.documents.newTab')}</span>
        </button>
      </div>
      {document.isError ? (
        <ProblemAlert error={document.error} context={t('verification.documents.failed')} />
      ) : null}
    </section>
  )
}
