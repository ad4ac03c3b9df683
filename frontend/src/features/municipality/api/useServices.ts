import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type ServiceCatalogue = ResponseOf<'/api/v1/services', 'get'>
export type ServiceArea = ServiceCatalogue['areas'][number]
export type Service = ServiceArea['services'][number]

/** GET /api/v1/services: the catalogue by thematic area, in the current language. */
export function useServices() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['services', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/services', { signal })),
    placeholderData: keepPreviousData,
  })
}
