/**
 * The prefix of every query of this feature for the signed-in administrator. A change to
 * an account or a group refreshes them all: members are counted on the groups, and groups
 * are listed on the users.
 */
export function accessControlKey(userId: string | undefined) {
  return ['session', userId, 'access-control'] as const
}
