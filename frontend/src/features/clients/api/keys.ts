/** The third-party applications as the signed-in administrator sees them. */
export function clientsKey(userId: string | undefined) {
  return ['session', userId, 'clients'] as const
}
