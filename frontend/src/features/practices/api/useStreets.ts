import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import type { Street } from './types'

/** GET /api/v1/streets?q=: the municipality's streets matching the words typed (two letters at least). */
export function useStreets(query: string) {
  const q = query.trim()
  return useQuery({
    queryKey: ['streets', q.toLowerCase()],
    queryFn: async ({ signal }) => {
      const found = await unwrap(api.GET('/api/v1/streets', { params: { query: { q } }, signal }))
      return found.items as Street[]
    },
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  })
}
