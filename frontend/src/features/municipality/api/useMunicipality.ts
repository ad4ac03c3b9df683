import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type Municipality = ResponseOf<'/api/v1/municipality', 'get'>
export type Office = Municipality['office']
export type OpeningHours = Office['opening_hours'][number]

/** GET /api/v1/municipality: the municipality, its registry office and privacy contacts. */
export function useMunicipality() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['municipality', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/municipality', { signal })),
    placeholderData: keepPreviousData,
    staleTime: 30 * 60 * 1000,
  })
}
