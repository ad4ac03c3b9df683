import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { saveFile } from '@/lib/download'

/** The name the downloaded file gets, whatever the server proposes: the ID finds it again. */
export function certificateFileName(id: string) {
  return `certificato-${id}.pdf`
}

/**
 * GET /api/v1/certificates/{id}/pdf: the signed PDF, fetched with the session's token and
 * handed to the browser's downloads. Resolves to the file's name.
 */
export function useDownloadCertificate() {
  return useMutation({
    mutationFn: async (id: string) => {
      const blob = await unwrap(
        api.GET('/api/v1/certificates/{id}/pdf', {
          params: { path: { id } },
          parseAs: 'blob',
        }),
      )
      const fileName = certificateFileName(id)
      saveFile(blob, fileName)
      return fileName
    },
  })
}
