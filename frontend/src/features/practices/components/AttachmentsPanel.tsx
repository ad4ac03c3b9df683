import { Button } from 'design-react-kit'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { problemCode } from '@/lib/api/fieldErrors'
import { ApiError } from '@/lib/api/problem'
import type { Attachment, DocumentView, Practice } from '../api/types'
import { fieldId } from '../model'
import { useFieldRules } from './fields'
import { useDeleteAttachment, useDownloadAttachment, useUploadAttachment } from '../api/useFiles'

/** A size in bytes as people read it: "820 byte", "34,5 kB", "2,1 MB". */
export function formatSize(bytes: number, language: string): string {
  const number = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} kB`
  return `${number(bytes / (1024 * 1024))} MB`
}

interface FileListProps {
  practiceId: string
  files: Attachment[]
  /** Files not yet sent to the office may be deleted. */
  deletable: boolean
  /** Names the list (the document it belongs to). */
  label: string
}

/** The files attached: name, size, the start of their SHA-256, "Scarica" and "Elimina". */
export function AttachedFiles({ practiceId, files, deletable, label }: FileListProps) {
  const { t, i18n } = useTranslation()
  const download = useDownloadAttachment()
  const remove = useDeleteAttachment()
  if (files.length === 0) return null
  return (
    <>
      <ul className="attached-files list-unstyled" aria-label={label}>
        {files.map((file) => (
          <li key={file.id} className="attached-file">
            <span className="attached-file-name">{file.file_name}</span>{' '}
            <span className="attached-file-meta">
              ({formatSize(file.size_bytes, i18n.language)},{' '}
              <abbr title={t('practices.attachments.shaTitle')}>SHA-256</abbr>{' '}
              <span className="font-monospace">{file.sha256.slice(0, 12)}…</span>)
            </span>{' '}
            <span className="attached-file-actions">
              <Button
                color="primary"
                outline
                size="xs"
                type="button"
                aria-label={t('practices.attachments.downloadFile', { file: file.file_name })}
                disabled={download.isPending}
                onClick={() => download.mutate({ practiceId, attachment: file })}
              >
                {t('practices.attachments.download')}
              </Button>
              {deletable && !file.sent ? (
                <Button
                  color="danger"
                  outline
                  size="xs"
                  type="button"
                  aria-label={t('practices.attachments.deleteFile', { file: file.file_name })}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ practiceId, id: file.id })}
                >
                  {t('practices.attachments.delete')}
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('practices.attachments.downloadFailed')} />
      ) : null}
      {remove.isError ? (
        <ProblemAlert error={remove.error} context={t('practices.attachments.deleteFailed')} />
      ) : null}
    </>
  )
}

/** Why the server refused a file, in the person's words where the code is known. */
function UploadProblem({ error, document }: { error: unknown; document: DocumentView }) {
  const { t } = useTranslation()
  const code = problemCode(error)
  const tooLarge = error instanceof ApiError && error.status === 413
  return (
    <ProblemAlert
      error={error}
      color="warning"
      context={
        tooLarge
          ? t('practices.attachments.tooLarge')
          : code === 'attachment_kind'
            ? t('practices.attachments.wrongKind', {
                extensions: document.extensions.join(', '),
              })
            : t('practices.attachments.uploadFailed')
      }
    />
  )
}

interface DocumentRowProps {
  practice: Practice
  document: DocumentView
  /** New files may be added (a draft, or an integration requested). */
  editable: boolean
  headingLevel: 3 | 4
}

/** One document of the checklist: what it is, whether required, its files and "Allega". */
function DocumentRow({ practice, document, editable, headingLevel }: DocumentRowProps) {
  const { t } = useTranslation()
  const upload = useUploadAttachment()
  const [file, setFile] = useState<File | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const [missing, setMissing] = useState(false)
  const files = practice.attachments.filter((a) => a.document_code === document.code)
  const id = fieldId(`attachments.${document.code}`)
  // In the wizard: a required document still missing, once the step was left.
  const issue = useFieldRules().errorOf(`attachments.${document.code}`)
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const accept = document.extensions.map((e) => `.${e}`).join(',')
  const describedBy = [
    `${id}-need`,
    `${id}-kinds`,
    missing ? `${id}-missing` : '',
    issue && files.length === 0 ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ')

  const attach = () => {
    if (!file) {
      setMissing(true)
      return
    }
    upload.mutate(
      { practiceId: practice.id, document: document.code, file },
      {
        onSuccess: () => {
          setFile(null)
          setInputKey((k) => k + 1)
        },
      },
    )
  }

  return (
    <li className="document-row" data-document={document.code}>
      <Heading className="h6 mb-1" id={`${id}-title`}>
        {document.label}
      </Heading>
      <p className="mb-1">
        <span
          id={`${id}-need`}
          className={document.required ? 'document-required fw-semibold' : 'document-optional'}
        >
          {document.required
            ? t('practices.documents.required')
            : t('practices.documents.optional')}
        </span>
        {' · '}
        <span id={`${id}-kinds`}>
          {t('practices.attachments.extensions', { extensions: document.extensions.join(', ') })}
        </span>
      </p>
      <AttachedFiles
        practiceId={practice.id}
        files={files}
        deletable={editable}
        label={t('practices.attachments.filesOf', { document: document.label })}
      />
      {editable ? (
        <div className="document-upload">
          <div className="form-group mb-2">
            <label htmlFor={id} className="active">
              {t('practices.attachments.browse', { document: document.label })}
            </label>
            <input
              key={inputKey}
              id={id}
              type="file"
              className="form-control"
              accept={accept}
              aria-describedby={describedBy}
              aria-invalid={missing || (issue && files.length === 0) ? true : undefined}
              onChange={(e) => {
                setMissing(false)
                upload.reset()
                setFile(e.target.files?.[0] ?? null)
              }}
            />
            {issue && files.length === 0 ? (
              <div id={`${id}-error`} className="text-field-error">
                {issue}
              </div>
            ) : null}
            {missing ? (
              <div id={`${id}-missing`} className="text-field-error" role="alert">
                {t('practices.attachments.chooseFirst')}
              </div>
            ) : null}
          </div>
          <Button
            color="primary"
            size="sm"
            type="button"
            disabled={upload.isPending}
            aria-describedby={`${id}-title`}
            onClick={attach}
          >
            {upload.isPending
              ? t('practices.attachments.attaching')
              : t('practices.attachments.attach')}
          </Button>
          {upload.isError ? <UploadProblem error={upload.error} document={document} /> : null}
          {upload.isSuccess ? (
            <p className="visually-hidden" role="status">
              {t('practices.attachments.attached', { file: upload.data.file_name })}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}

interface AttachmentsPanelProps {
  practice: Practice
  documents: DocumentView[]
  editable: boolean
  headingLevel?: 3 | 4
  /** The limits, said once above the list. */
  maxBytes?: number
  maxFiles?: number
}

/** The checklist's documents with their files; "Sfoglia" and "Allega" while files may be added. */
export function AttachmentsPanel({
  practice,
  documents,
  editable,
  headingLevel = 3,
  maxBytes,
  maxFiles,
}: AttachmentsPanelProps) {
  const { t, i18n } = useTranslation()
  const known = new Set(documents.map((d) => d.code))
  const others = practice.attachments.filter((a) => !known.has(a.document_code))
  return (
    <>
      {editable && maxBytes && maxFiles ? (
        <Notice color="info">
          <p className="mb-0">
            {t('practices.attachments.limits', {
              size: formatSize(maxBytes, i18n.language),
              files: maxFiles,
            })}
          </p>
        </Notice>
      ) : null}
      <ul className="document-rows list-unstyled">
        {(editable
          ? documents
          : documents.filter((d) => practice.attachments.some((a) => a.document_code === d.code))
        ).map((document) => (
          <DocumentRow
            key={document.code}
            practice={practice}
            document={document}
            editable={editable}
            headingLevel={headingLevel}
          />
        ))}
      </ul>
      {others.length > 0 ? (
        <AttachedFiles
          practiceId={practice.id}
          files={others}
          deletable={editable}
          label={t('practices.attachments.otherFiles')}
        />
      ) : null}
    </>
  )
}
