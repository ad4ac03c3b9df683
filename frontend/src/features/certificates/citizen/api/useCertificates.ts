import { useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { certificatesKey } from './keys'

/** GET /api/v1/certificates: the certificates the signed-in user requested, newest first. */
export function useCertificates() {
  const { user } = useSession()
  return useQuery({
    queryKey: [...certificatesKey(user?.id), 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/certificates', { signal })),
    enabled: user !== null,
    staleTime: 0,
  })
}
