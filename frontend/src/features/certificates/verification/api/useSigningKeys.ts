import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type SigningKey = ResponseOf<'/api/v1/signing-keys', 'get'>['keys'][number]

/** GET /api/v1/signing-keys: the municipality's public keys, current and retired. */
export function useSigningKeys() {
  return useQuery({
    queryKey: ['signing-keys'],
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/v1/signing-keys', { signal }))).keys,
    // Keys change only when the office rotates them, which is rare.
    staleTime: 60 * 60 * 1000,
  })
}
