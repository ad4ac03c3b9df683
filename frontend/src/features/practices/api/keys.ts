/** The prefix of everything about the signed-in user's practices (citizen or office). */
export function practicesKey(userId: string | undefined) {
  return ['session', userId, 'practices'] as const
}

export function practiceKey(userId: string | undefined, id: string) {
  return [...practicesKey(userId), 'one', id] as const
}
