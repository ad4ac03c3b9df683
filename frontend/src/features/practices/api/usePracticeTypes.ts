import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import type { PracticeTypeList } from './types'

/**
 * GET /api/v1/practice-types: each type with its steps and fields (required or not), the
 * document checklist, the limits and the choices, named in the reader's language.
 */
export function usePracticeTypes() {
  const { i18n } = useTranslation()
  return useQuery({
    queryKey: ['practice-types', i18n.language],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/practice-types', { signal }))) as PracticeTypeList,
    // The catalogue belongs to the release.
    staleTime: Infinity,
  })
}

/** One practice type of the catalogue, by code. */
export function usePracticeType(code: string | undefined) {
  const types = usePracticeTypes()
  return { ...types, type: types.data?.items.find((t) => t.code === code) }
}
