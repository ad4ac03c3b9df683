/** The prefix of the outbox pages of the signed-in user (refreshed after a retry). */
export function outboxKey(userId: string | undefined) {
  return ['session', userId, 'mail-outbox'] as const
}
