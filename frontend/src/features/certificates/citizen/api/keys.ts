/** The prefix of the signed-in user's certificates (refreshed after each new one). */
export function certificatesKey(userId: string | undefined) {
  return ['session', userId, 'certificates'] as const
}
