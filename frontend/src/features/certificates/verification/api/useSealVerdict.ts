import { useQuery } from '@tanstack/react-query'
import { verifySeal } from '../seal'
import { useSigningKeys } from './useSigningKeys'

/**
 * The verdict on a seal read from the address, checked in the browser against the
 * published keys. Pending while the keys load; an error only if the keys cannot be had.
 */
export function useSealVerdict(seal: string, certificateId: string) {
  const keys = useSigningKeys()
  const verdict = useQuery({
    queryKey: ['seal-verdict', seal, certificateId, keys.data],
    queryFn: () => verifySeal(seal, keys.data ?? [], certificateId),
    enabled: keys.data !== undefined,
    staleTime: Infinity,
  })
  return { keys, verdict }
}
