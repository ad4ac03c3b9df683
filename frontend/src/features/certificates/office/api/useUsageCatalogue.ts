import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type Usage = ResponseOf<'/api/v1/certificate-usages', 'get'>['items'][number]

/** GET /api/v1/certificate-usages: the catalogue (it changes only with a release). */
export function useUsageCatalogue() {
  return useQuery({
    queryKey: ['certificate-usages'],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/certificate-usages', { signal }))).items,
    staleTime: Infinity,
  })
}
