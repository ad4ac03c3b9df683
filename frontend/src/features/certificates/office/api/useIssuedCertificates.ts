import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { issuedCertificatesKey } from './keys'

export type IssuedCertificatePage = ResponseOf<'/api/v1/certificates', 'get'>
export type IssuedCertificate = IssuedCertificatePage['items'][number]
export const PER_PAGE = 50

/**
 * GET /api/v1/certificates: with `registry.read` the server answers every certificate the
 * office has issued, newest first, one page at a time; `search` (a certificate ID or a
 * codice fiscale) narrows them. The answer carries no total: a full page is the only sign
 * that another may follow.
 */
export function useIssuedCertificates(page: number, search: string) {
  const { user } = useSession()
  const queryKey = [...issuedCertificatesKey(user?.id), page, search] as const
  return useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/certificates', {
          params: {
            query: { page, per_page: PER_PAGE, ...(search ? { q: search } : {}) },
          },
          signal,
        }),
      ),
    enabled: user !== null,
    // Turning pages keeps the old page until the new one arrives; a new search does not
    // (the old rows under the new search's caption would mislead).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[queryKey.length - 1] === search ? previous : undefined,
    staleTime: 0,
  })
}
