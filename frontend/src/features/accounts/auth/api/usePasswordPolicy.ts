import { useQuery } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'

export type PasswordPolicy = ResponseOf<'/api/v1/auth/password-policy', 'get'>

/** The portal's default (seed 000), used until the municipality's own rules arrive. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  min_length: 8,
  max_length: 128,
  min_digits: 2,
  letters_and_digits_only: true,
  requires_letter: true,
}

/**
 * GET /api/v1/auth/password-policy: the rules the server applies, so that the checklist
 * shown while typing is the same. Rules change only with the configuration: cached long.
 */
export function usePasswordPolicy(): PasswordPolicy {
  const query = useQuery({
    queryKey: ['password-policy'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/auth/password-policy', { signal })),
    staleTime: 60 * 60 * 1000,
  })
  return query.data ?? DEFAULT_PASSWORD_POLICY
}
