import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { issuedCertificatesKey } from './keys'

export type IssuedCertificatePage = ResponseOf<'/api/v1/certificates', 'get'>
export type IssuedCertificate = IssuedCertificatePage['items'][number]
export const PER_PAGE = 50

/**
 * GET /api/v1/certificates: with `registry.read` the server answers every certificate the
 * office has issued, newest first, one page at a time. The answer carries no total: a full
 * page is the only sign that another may follow.
 */
export function useIssuedCertificates(page: number) {
  const { user } = useSession()
  return useQuery({
    queryKey: [...issuedCertificatesKey(user?.id), page],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/certificates', {
          params: { query: { page, per_page: PER_PAGE } },
          signal,
        }),
      ),
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
