import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type SelfDeclarationType = ResponseOf<
  '/api/v1/self-declaration-types',
  'get'
>['items'][number]
export type DeclarationField = SelfDeclarationType['fields'][number]

/**
 * GET /api/v1/self-declaration-types: the forms offered (art. 46 and 47 D.P.R. 445/2000),
 * each with its fields, named in the reader's language. Public.
 */
export function useSelfDeclarationTypes() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['self-declaration-types', i18n.language],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/self-declaration-types', { signal })),
    // The catalogue belongs to the release.
    staleTime: Infinity,
  })
}
