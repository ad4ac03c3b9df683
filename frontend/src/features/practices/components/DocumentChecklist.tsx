import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import type { DocumentView } from '../api/types'

/**
 * The documents to send with the declaration (seed 000): each Obbligatorio or Facoltativo,
 * with "scarica" where the Comune offers a form to fill in (public: a plain link).
 */
export function DocumentChecklist({ documents }: { documents: DocumentView[] }) {
  const { t } = useTranslation()
  return (
    <DataTable<DocumentView>
      caption={t('practices.documents.caption')}
      stackBelow="medium"
      rows={documents}
      rowKey={(d) => d.code}
      columns={[
        {
          key: 'document',
          header: t('practices.documents.document'),
          rowHeader: true,
          cell: (d) => d.label,
        },
        {
          key: 'need',
          header: t('practices.documents.need'),
          cell: (d) => (
            <span className={d.required ? 'document-required fw-semibold' : 'document-optional'}>
              {d.required ? t('practices.documents.required') : t('practices.documents.optional')}
            </span>
          ),
        },
        {
          key: 'extensions',
          header: t('practices.documents.extensions'),
          cell: (d) => d.extensions.join(', '),
        },
        {
          key: 'download',
          header: t('practices.documents.download'),
          cell: (d) =>
            d.template_url ? (
              <a
                href={d.template_url}
                download={`modulo-${d.code}.pdf`}
                type="application/pdf"
                aria-label={t('practices.documents.downloadTemplate', { document: d.label })}
              >
                {t('practices.documents.downloadShort')}
              </a>
            ) : (
              <span className="text-secondary">{t('practices.documents.noTemplate')}</span>
            ),
        },
      ]}
    />
  )
}
