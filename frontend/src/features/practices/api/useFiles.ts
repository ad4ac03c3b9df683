import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { saveFile } from '@/lib/download'
import { useSession } from '@/lib/session'
import { practiceKey } from './keys'
import type { Attachment, Practice } from './types'

export interface UploadCall {
  practiceId: string
  document: string
  file: File
}

/** The practice's cached copy, changed by `change` (an attachment added or removed). */
function useAttachmentsChanged() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  return (practiceId: string, change: (list: Attachment[]) => Attachment[]) => {
    const key = practiceKey(user?.id, practiceId)
    queryClient.setQueryData<Practice>(key, (old) =>
      old ? { ...old, attachments: change(old.attachments) } : old,
    )
    // Issues about missing documents change with them.
    void queryClient.invalidateQueries({ queryKey: key, exact: true })
  }
}

/**
 * POST /api/v1/practices/{id}/attachments (multipart `document`, `file`): 201 with the file
 * as stored; 413 too large, 422 `attachment_kind` when the content is not what the name says.
 */
export function useUploadAttachment() {
  const changed = useAttachmentsChanged()
  return useMutation({
    mutationFn: async ({ practiceId, document, file }: UploadCall) => {
      const form = new FormData()
      form.append('document', document)
      form.append('file', file, file.name)
      return (await unwrap(
        api.POST('/api/v1/practices/{id}/attachments', {
          params: { path: { id: practiceId } },
          // The browser writes the multipart body and its boundary.
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      )) as Attachment
    },
    onSuccess: (attachment, { practiceId }) =>
      changed(practiceId, (list) => [...list.filter((a) => a.id !== attachment.id), attachment]),
  })
}

/** DELETE /api/v1/practices/{id}/attachments/{attachment_id} (204). */
export function useDeleteAttachment() {
  const changed = useAttachmentsChanged()
  return useMutation({
    mutationFn: async ({ practiceId, id }: { practiceId: string; id: string }) => {
      await unwrap(
        api.DELETE('/api/v1/practices/{id}/attachments/{attachment_id}', {
          params: { path: { id: practiceId, attachment_id: id } },
        }),
      )
    },
    onSuccess: (_, { practiceId, id }) =>
      changed(practiceId, (list) => list.filter((a) => a.id !== id)),
  })
}

/**
 * GET /api/v1/practices/{id}/attachments/{attachment_id}: the file as attached, fetched with the
 * session's token and handed to the browser's downloads. Resolves to the file's name.
 */
export function useDownloadAttachment() {
  return useMutation({
    mutationFn: async ({
      practiceId,
      attachment,
    }: {
      practiceId: string
      attachment: Attachment
    }) => {
      const blob = await unwrap(
        api.GET('/api/v1/practices/{id}/attachments/{attachment_id}', {
          params: { path: { id: practiceId, attachment_id: attachment.id } },
          parseAs: 'blob',
        }),
      )
      saveFile(blob as Blob, attachment.file_name)
      return attachment.file_name
    },
  })
}

/** The receipt's file name: the protocol number finds it again. */
export function receiptFileName(practice: Pick<Practice, 'id' | 'protocol'>) {
  return `ricevuta-${(practice.protocol ?? practice.id).replace('/', '-')}.pdf`
}

/** GET /api/v1/practices/{id}/receipt.pdf: the receipt ("ricevuta"), from submission on. */
export function useDownloadReceipt() {
  return useMutation({
    mutationFn: async (practice: Pick<Practice, 'id' | 'protocol'>) => {
      const blob = await unwrap(
        api.GET('/api/v1/practices/{id}/receipt.pdf', {
          params: { path: { id: practice.id } },
          parseAs: 'blob',
        }),
      )
      const fileName = receiptFileName(practice)
      saveFile(blob as Blob, fileName)
      return fileName
    },
  })
}
