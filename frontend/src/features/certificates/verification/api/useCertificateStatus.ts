import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { normalizeCertificateId } from '../seal'

export type CertificateStatus = ResponseOf<'/api/v1/verify', 'get'>

/** What identifies a certificate to anyone who holds it: its ID and its subject's names. */
export interface CertificateQuery {
  id: string
  surname: string
  name: string
}

/** The same certificate, as the server compares IDs and names. */
export function sameCertificate(a: CertificateQuery, b: CertificateQuery): boolean {
  return (
    normalizeCertificateId(a.id) === normalizeCertificateId(b.id) &&
    a.surname.toUpperCase() === b.surname.toUpperCase() &&
    a.name.toUpperCase() === b.name.toUpperCase()
  )
}

/**
 * GET /api/v1/verify for the data last submitted (null: nothing yet). The server logs
 * every check and limits them per address, so an answer is kept for the visit rather
 * than asked again on every return to the page.
 */
export function useCertificateStatus(query: CertificateQuery | null) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: [
      'certificate-status',
      query && normalizeCertificateId(query.id),
      query?.surname.toUpperCase(),
      query?.name.toUpperCase(),
      i18n.language,
    ],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/verify', {
          params: { query: query ?? { id: '', surname: '', name: '' } },
          signal,
        }),
      ),
    enabled: query !== null,
    staleTime: Infinity,
    retry: false,
  })
}
