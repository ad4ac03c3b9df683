import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type FiscalCodeValidation = ResponseOf<'/api/v1/codice-fiscale/validate', 'post'>

/**
 * POST /api/v1/codice-fiscale/validate for the code last submitted (null: nothing yet).
 * The check is a pure computation, so it is cached as a query: keyed by the language too,
 * the server's messages follow the reader when they switch language.
 */
export function useValidateFiscalCode(fiscalCode: string | null) {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['fiscal-code-validation', fiscalCode, i18n.language],
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/codice-fiscale/validate', {
          body: { fiscal_code: fiscalCode ?? '' },
          signal,
        }),
      ),
    enabled: fiscalCode !== null,
    staleTime: Infinity,
    retry: false,
  })
}
