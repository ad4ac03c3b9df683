import { useTranslation } from 'react-i18next'
import type { Preview } from '../api/usePreviewSelfDeclaration'

/** The word that opens the statements, printed on a line of its own. */
const KEYWORD = 'DICHIARA'

/**
 * The declaration as it will be printed: title and legal basis, the declarant's
 * paragraph, the art. 76 warning, DICHIARA, the statements (and the family table), the
 * GDPR sentence, a place for place, date and signature, and the reminders.
 */
export function DeclarationPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  return (
    <article className="declaration-preview border rounded p-4" aria-labelledby="preview-title">
      <h3 id="preview-title" className="h5 text-center mb-1">
        {preview.title}
      </h3>
      <p className="text-center mb-1">{preview.basis}</p>
      <p className="text-center fw-semibold">{preview.subject}</p>
      {preview.paragraphs.map((paragraph, index) =>
        paragraph.trim() === KEYWORD ? (
          <p key={index} className="text-center fw-bold declaration-keyword">
            {paragraph}
          </p>
        ) : (
          <p key={index} className="declaration-paragraph">
            {paragraph}
          </p>
        ),
      )}
      {preview.table ? (
        <div className="table-responsive">
          <table className="table table-sm declaration-table">
            <caption>{t('selfDeclarations.new.previewTable')}</caption>
            <thead>
              <tr>
                {preview.table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="declaration-signature d-flex flex-wrap justify-content-between gap-3 mt-4">
        <p className="mb-0">{t('selfDeclarations.new.placeAndDate')}</p>
        <p className="mb-0">{t('selfDeclarations.new.signature')}</p>
      </div>
      {preview.reminders.length > 0 ? (
        <ul className="declaration-reminders mt-4 mb-0">
          {preview.reminders.map((reminder) => (
            <li key={reminder} className="fw-semibold">
              {reminder}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  )
}
