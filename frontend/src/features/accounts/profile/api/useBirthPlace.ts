import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

/**
 * The name of a birthplace code, read from the codice fiscale check
 * (POST /api/v1/codice-fiscale/validate), which decodes the same code. Null while unknown,
 * or when the code in the fiscal code is not the recorded one.
 */
export function useBirthPlace(
  fiscalCode: string | null | undefined,
  code: string | null | undefined,
) {
  const { i18n } = useTranslation()
  const query = useQuery({
    queryKey: ['birth-place', fiscalCode, i18n.language],
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/codice-fiscale/validate', {
          body: { fiscal_code: fiscalCode ?? '' },
          signal,
        }),
      ),
    enabled: Boolean(fiscalCode && code),
    staleTime: Infinity,
    retry: false,
  })
  const data = query.data
  return data && data.birth_place_code === code ? (data.birth_place_name ?? null) : null
}
