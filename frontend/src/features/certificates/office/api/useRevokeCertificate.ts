import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { issuedCertificatesKey } from './keys'
import type { IssuedCertificate, IssuedCertificatePage } from './useIssuedCertificates'

interface Revocation {
  id: string
  reason: string
}

/**
 * POST /api/v1/certificates/{id}/revoke (`certificates.revoke`): answers the certificate as
 * it now stands. The row is replaced at once; the pages are then fetched again, which also
 * brings a certificate revoked meanwhile by a colleague (409) up to date.
 */
export function useRevokeCertificate() {
  const queryClient = useQueryClient()
  const { user } = useSession()
  const key = issuedCertificatesKey(user?.id)
  return useMutation({
    mutationFn: ({ id, reason }: Revocation) =>
      unwrap(
        api.POST('/api/v1/certificates/{id}/revoke', {
          params: { path: { id } },
          body: { reason },
        }),
      ) as Promise<IssuedCertificate>,
    onSuccess: (revoked) =>
      queryClient.setQueriesData<IssuedCertificatePage>({ queryKey: key }, (page) =>
        page
          ? { ...page, items: page.items.map((c) => (c.id === revoked.id ? revoked : c)) }
          : page,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  })
}
