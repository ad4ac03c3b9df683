/** The prefix of the audit-log pages of the signed-in user (refreshed after a verification). */
export function auditLogKey(userId: string | undefined) {
  return ['session', userId, 'audit-log'] as const
}
