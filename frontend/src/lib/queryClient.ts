import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './api/problem'

/** Retries only what may succeed on a second try: network failures and 5xx answers. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  return error instanceof ApiError && (error.isNetworkError || error.status >= 500)
}

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetry,
        staleTime: 5 * 60 * 1000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  })
}
