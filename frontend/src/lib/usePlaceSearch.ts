import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type Place = ResponseOf<'/api/v1/places', 'get'>['places'][number]
export type PlaceKind = Place['kind']

/**
 * GET /api/v1/places?q=: municipalities and foreign states by name (two letters at least),
 * keeping only the kind asked for (both when none is).
 */
export function usePlaceSearch(query: string, kind?: PlaceKind) {
  const q = query.trim()
  return useQuery({
    queryKey: ['places', q.toLowerCase(), kind ?? 'any'],
    queryFn: async ({ signal }) => {
      const found = await unwrap(
        api.GET('/api/v1/places', { params: { query: { q, limit: 30 } }, signal }),
      )
      return found.places.filter((p) => kind === undefined || p.kind === kind).slice(0, 12)
    },
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  })
}
