import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type CertificateUsage = ResponseOf<'/api/v1/certificate-usages', 'get'>['items'][number]

/** GET /api/v1/certificate-usages: the uses a certificate is issued for, which decide the stamp duty. */
export function useCertificateUsages() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['certificate-usages', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/certificate-usages', { signal })),
    staleTime: Infinity,
  })
}
