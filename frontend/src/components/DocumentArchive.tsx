import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query'
import { Fragment, type ReactNode } from 'react'
import { EmailSentNotice } from '@/components/EmailSentNotice'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { EmailBody } from '@/lib/email'
import { useEmailFromList } from '@/lib/useEmailFromList'

/** What the feature's table is given: the rows and what their two actions do. */
export interface ArchiveRows<T> {
  items: T[]
  /** The id of the document being downloaded, if any: its button waits. */
  downloading: string | null
  onDownload: (id: string) => void
  onEmail: (id: string) => void
}

interface DocumentArchiveProps<T extends { id: string }> {
  /** The list of the signed-in user's documents. */
  list: UseQueryResult<{ items: T[] }>
  /** Downloads a document by id and resolves to the file's name. */
  download: UseMutationResult<string, Error, string>
  /** The attribute (e.g. `data-certificate`) the table puts on each row's e-mail button. */
  rowAttribute: string
  texts: {
    downloaded: (file: string) => string
    downloadFailed: string
    listFailed: string
    listLoading: string
    listEmpty: string
    /** The prefix of `<prefix>.sent` and `<prefix>.sentCc`. */
    emailSentPrefix: string
  }
  /** The feature's table of documents. */
  table: (rows: ArchiveRows<T>) => ReactNode
  /** The feature's e-mail form for one document, told how to close. */
  emailForm: (form: {
    item: T | undefined
    id: string
    onSent: (sent: EmailBody) => void
    onCancel: () => void
  }) => ReactNode
}

/**
 * An archive of one's documents (certificates, self-declarations): loading, failure or
 * emptiness of the list, then the table; each row downloads its document again or opens
 * the e-mail form below; what happened is announced, and focus returns to the row.
 */
export function DocumentArchive<T extends { id: string }>({
  list,
  download,
  rowAttribute,
  texts,
  table,
  emailForm,
}: DocumentArchiveProps<T>) {
  const email = useEmailFromList(rowAttribute)
  const { emailing, sent } = email
  const items = list.data?.items ?? []

  return (
    <>
      <div role="status">
        {download.isSuccess ? (
          <Notice color="info">{texts.downloaded(download.data)}</Notice>
        ) : null}
        {sent ? <EmailSentNotice sent={sent} textsPrefix={texts.emailSentPrefix} /> : null}
      </div>
      {download.isError ? (
        <ProblemAlert error={download.error} context={texts.downloadFailed} />
      ) : null}
      {list.isError ? (
        <ProblemAlert error={list.error} context={texts.listFailed} />
      ) : !list.data ? (
        <Loading label={texts.listLoading} />
      ) : items.length === 0 ? (
        <p>{texts.listEmpty}</p>
      ) : (
        table({
          items,
          downloading: download.isPending ? (download.variables ?? null) : null,
          onDownload: (id) => {
            email.clearSent()
            download.mutate(id)
          },
          onEmail: (id) => {
            download.reset()
            email.open(id)
          },
        })
      )}
      {emailing ? (
        // Keyed: another row's form starts empty.
        <Fragment key={emailing}>
          {emailForm({
            item: items.find((item) => item.id === emailing),
            id: emailing,
            onSent: email.done,
            onCancel: email.cancel,
          })}
        </Fragment>
      ) : null}
    </>
  )
}
