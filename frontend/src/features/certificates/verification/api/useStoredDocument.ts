import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { fileNameOf, saveFile } from '@/lib/download'
import type { CertificateQuery } from './useCertificateStatus'

export type DocumentUse =
  /** Saved to the downloads, to check the PAdES signature with a signature verifier. */
  | { kind: 'download' }
  /** Shown in a tab the click opened (a tab opened after the download would be blocked). */
  | { kind: 'view'; tab: Window | null }

/** A blob URL lives as long as the page that made it: released once the tab has read it. */
const VIEW_URL_LIFETIME_MS = 60_000

/** GET /api/v1/verify/{id}/pdf: the stored, signed and stamped certificate. */
export function useStoredDocument(query: CertificateQuery) {
  return useMutation({
    mutationFn: async (use: DocumentUse) => {
      const call = api.GET('/api/v1/verify/{id}/pdf', {
        params: { path: { id: query.id }, query: { surname: query.surname, name: query.name } },
        parseAs: 'blob',
      })
      let blob: Blob
      try {
        blob = await unwrap(call)
      } catch (error) {
        if (use.kind === 'view') use.tab?.close()
        throw error
      }
      if (use.kind === 'download') {
        const { response } = await call
        saveFile(blob, fileNameOf(response.headers.get('content-disposition')) ?? `${query.id}.pdf`)
        return
      }
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }))
      if (use.tab) use.tab.location.href = url
      else window.location.assign(url)
      setTimeout(() => URL.revokeObjectURL(url), VIEW_URL_LIFETIME_MS)
    },
  })
}
