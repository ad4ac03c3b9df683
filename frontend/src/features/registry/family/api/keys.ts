/** The prefix of the registry data the signed-in user has read (family record, persons). */
export function registryKey(userId: string | undefined) {
  return ['session', userId, 'registry'] as const
}
