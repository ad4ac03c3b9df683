export type { SessionUser } from './accessToken'
export { readAccessToken } from './accessToken'
export { session } from './session'
export type { IssuedSession, SessionEnd, SessionSnapshot, SessionStatus } from './store'
export { useSession } from './useSession'
export { type Profile, profileKey, useProfile } from './useProfile'

/** Permission codes the interface looks at (the server checks them again). */
export const PERMISSIONS = {
  identifyAccounts: 'accounts.identify',
  manageAccounts: 'accounts.manage',
  manageGroups: 'groups.manage',
  readAudit: 'audit.read',
  readMail: 'mail.read',
  manageMail: 'mail.manage',
  readRegistry: 'registry.read',
  revokeCertificates: 'certificates.revoke',
  managePractices: 'practices.manage',
  manageAppointments: 'appointments.manage',
  manageClients: 'clients.manage',
} as const

export function hasPermission(
  user: { permissions: string[] } | null | undefined,
  permission: string,
): boolean {
  return user?.permissions.includes(permission) ?? false
}
