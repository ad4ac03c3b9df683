import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { saveFile } from '@/lib/download'

/**
 * GET /api/v1/certificates/{id}/pdf: the signed document, fetched with the session's token
 * and saved as `certificato-ID.pdf` (the name citizens get too, so the ID finds it again).
 * Resolves to the file's name.
 */
export function useDownloadIssuedCertificate() {
  return useMutation({
    mutationFn: async (id: string) => {
      const blob = await unwrap(
        api.GET('/api/v1/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }),
      )
      const fileName = `certificato-${id}.pdf`
      saveFile(blob, fileName)
      return fileName
    },
  })
}
