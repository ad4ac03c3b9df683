import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type CertificateType = ResponseOf<'/api/v1/certificate-types', 'get'>['items'][number]

/** GET /api/v1/certificate-types: the certificates the office issues, named in the reader's language. */
export function useCertificateTypes() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['certificate-types', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/certificate-types', { signal })),
    // The list belongs to the release.
    staleTime: Infinity,
  })
}
