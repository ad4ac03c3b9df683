import { useMutation } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { fileNameOf, saveFile } from '@/lib/download'
import { apiQuery, type AuditFilter } from '../filters'

/**
 * GET /api/v1/admin/audit-log?format=csv: every matching entry (not just the page shown)
 * as a CSV file, downloaded with the session's token. Resolves to the file's name.
 */
export function useExportAuditLog() {
  return useMutation({
    mutationFn: async (filter: AuditFilter) => {
      const call = api.GET('/api/v1/admin/audit-log', {
        params: { query: { ...apiQuery(filter), format: 'csv' } },
        parseAs: 'blob',
      })
      const blob = await unwrap(call)
      const { response } = await call
      const fileName =
        fileNameOf(response.headers.get('content-disposition')) ?? 'registro-accessi.csv'
      saveFile(blob, fileName)
      return fileName
    },
  })
}
