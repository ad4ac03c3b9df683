import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { saveFile } from '@/lib/download'

/** The name the downloaded file gets: the ID finds the declaration again in the archive. */
export function declarationFileName(id: string) {
  return `autocertificazione-${id}.pdf`
}

/**
 * GET /api/v1/self-declarations/{id}/pdf: the PDF as stored, fetched with the session's
 * token and handed to the browser's downloads. Resolves to the file's name.
 */
export function useDownloadSelfDeclaration() {
  return useMutation({
    mutationFn: async (id: string) => {
      const blob = await unwrap(
        api.GET('/api/v1/self-declarations/{id}/pdf', {
          params: { path: { id } },
          parseAs: 'blob',
        }),
      )
      const fileName = declarationFileName(id)
      saveFile(blob, fileName)
      return fileName
    },
  })
}
