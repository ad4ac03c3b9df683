import { queryOptions } from '@tanstack/react-query'
import { api, type ResponseOf } from '@/lib/api/client'
import { unwrap } from '@/lib/api/problem'
import { solveChallenge } from '../proofOfWork'

export type Challenge = ResponseOf<'/api/v1/registrations/challenge', 'get'>

/** A challenge is renewed a minute before it expires, so that the proof sent is valid. */
const MARGIN_SECONDS = 60

/** GET /api/v1/registrations/challenge: a fresh anti-bot challenge. */
export const challengeQuery = queryOptions({
  queryKey: ['registration-challenge'],
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/registrations/challenge', { signal })),
  staleTime: (query) =>
    Math.max(((query.state.data?.expires_in ?? 600) - MARGIN_SECONDS) * 1000, 0),
  refetchInterval: (query) =>
    Math.max(((query.state.data?.expires_in ?? 600) - MARGIN_SECONDS) * 1000, 10_000),
  gcTime: 0,
  retry: false,
})

/** The nonce that solves a challenge, computed in the browser. */
export function solutionQuery(challenge: Challenge | undefined) {
  return queryOptions({
    queryKey: ['registration-challenge-solution', challenge?.challenge],
    queryFn: ({ signal }) =>
      challenge
        ? solveChallenge(challenge.challenge, challenge.difficulty, signal)
        : Promise.reject(new Error('no challenge')),
    enabled: challenge !== undefined,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  })
}
