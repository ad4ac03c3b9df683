import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import type { Preview } from '../api/usePreviewSelfDeclaration'

/** The word that opens the statements, printed on a line of its own. */
const KEYWORD = 'DICHIARA'

/**
 * Where the family table goes: after the statement that announces it ("… è composta come
 * segue:"), else before the closing GDPR sentence, the last paragraph.
 */
export function tableIndex(paragraphs: string[]): number {
  const announcing = paragraphs.findLastIndex((p) => p.trimEnd().endsWith(':'))
  return announcing >= 0 ? announcing + 1 : Math.max(paragraphs.length - 1, 0)
}

/**
 * The declaration as it will be printed: title and legal basis, the declarant's
 * paragraph, the art. 76 warning, DICHIARA, the statements (and the family table), the
 * GDPR sentence, place and date and the signer as printed, and the reminders. In Italian,
 * as printed, whatever the reader's language.
 */
export function DeclarationPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation()
  // The form is printed in Italian whatever the reader's language: so is its preview.
  const it = (key: string) => t(key, { lng: 'it' })
  const paragraphs = preview.paragraphs
  const at = tableIndex(paragraphs)
  const paragraph = (text: string, index: number) =>
    text.trim() === KEYWORD ? (
      <p key={index} className="text-center fw-bold declaration-keyword">
        {text}
      </p>
    ) : (
      <p key={index} className="declaration-paragraph">
        {text}
      </p>
    )
  const table = preview.table ? (
    <DataTable
      caption={it('selfDeclarations.new.previewTable')}
      className="table-sm declaration-table"
      stackBelow="medium"
      rows={preview.table.rows}
      rowKey={(_row, index) => String(index)}
      // The first column names the person: each row's header, each card's title.
      columns={preview.table.columns.map((column, at) => ({
        key: String(at),
        header: column,
        rowHeader: at === 0,
        cell: (row: string[]) => row[at],
      }))}
    />
  ) : null
  return (
    <article
      lang="it"
      className="declaration-preview border rounded p-4"
      aria-labelledby="preview-title"
    >
      <h3 id="preview-title" className="h5 text-center mb-1">
        {preview.title}
      </h3>
      <p className="text-center mb-1">{preview.basis}</p>
      <p className="text-center fw-semibold">{preview.subject}</p>
      {paragraphs.slice(0, at).map(paragraph)}
      {table}
      {paragraphs.slice(at).map((text, index) => paragraph(text, at + index))}
      <div className="declaration-signature d-flex flex-wrap justify-content-between gap-3 mt-4">
        <p className="mb-0">{preview.place_and_date}</p>
        <p className="mb-0 text-center">
          <strong>{preview.signer}</strong>
          <br />
          ______________________
          <br />
          <small>{it('selfDeclarations.new.signature')}</small>
        </p>
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
