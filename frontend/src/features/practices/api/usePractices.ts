import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { useSession } from '@/lib/session'
import { practicesKey } from './keys'
import type { PracticeList, PracticeState } from './types'

export interface PracticeFilters {
  state?: PracticeState
  type?: string
  q?: string
  overdue?: boolean
  page?: number
  perPage?: number
}

/**
 * GET /api/v1/practices: a citizen's own practices, or with `practices.manage` the office's
 * queue (never drafts), with the counts per state.
 */
export function usePractices(filters: PracticeFilters = {}) {
  const { user } = useSession()
  const query = {
    state: filters.state,
    type: filters.type,
    q: filters.q || undefined,
    overdue: filters.overdue ? true : undefined,
    page: filters.page,
    per_page: filters.perPage,
  }
  return useQuery({
    queryKey: [...practicesKey(user?.id), 'list', query],
    queryFn: async ({ signal }) =>
      (await unwrap(api.GET('/api/v1/practices', { params: { query }, signal }))) as PracticeList,
    enabled: user !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
