/** The prefix of the signed-in user's self-declarations (refreshed after each new one). */
export function selfDeclarationsKey(userId: string | undefined) {
  return ['session', userId, 'self-declarations'] as const
}
