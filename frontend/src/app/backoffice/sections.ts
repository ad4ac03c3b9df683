import { hasPermission, PERMISSIONS, type SessionUser } from '@/lib/session'

/** A page of the back office and the permission that opens it. */
export interface BackOfficeSection {
  path: string
  permission: string
  /** Translation key of its name in the back-office navigation. */
  labelKey: string
}

/** The back office's pages, in the order of the navigation: the clerks' daily work first. */
export const BACK_OFFICE_SECTIONS: readonly BackOfficeSection[] = [
  {
    path: '/backoffice',
    permission: PERMISSIONS.identifyAccounts,
    labelKey: 'backoffice.nav.identification',
  },
  {
    path: '/backoffice/pratiche',
    permission: PERMISSIONS.managePractices,
    labelKey: 'practices.office.navLabel',
  },
  {
    path: '/backoffice/appuntamenti',
    permission: PERMISSIONS.manageAppointments,
    labelKey: 'appointments.office.navLabel',
  },
  {
    path: '/backoffice/sportelli',
    permission: PERMISSIONS.manageAppointments,
    labelKey: 'appointments.deskAdmin.navLabel',
  },
  {
    path: '/backoffice/certificati',
    permission: PERMISSIONS.readRegistry,
    labelKey: 'certificateOffice.navLabel',
  },
  {
    path: '/backoffice/utenti',
    permission: PERMISSIONS.manageAccounts,
    labelKey: 'backoffice.nav.users',
  },
  {
    path: '/backoffice/gruppi',
    permission: PERMISSIONS.manageGroups,
    labelKey: 'backoffice.nav.groups',
  },
  {
    path: '/backoffice/applicazioni',
    permission: PERMISSIONS.manageClients,
    labelKey: 'backoffice.nav.clients',
  },
  {
    path: '/backoffice/webhook',
    permission: PERMISSIONS.manageClients,
    labelKey: 'backoffice.nav.webhooks',
  },
  {
    path: '/backoffice/registro-accessi',
    permission: PERMISSIONS.readAudit,
    labelKey: 'backoffice.nav.auditLog',
  },
  { path: '/backoffice/posta', permission: PERMISSIONS.readMail, labelKey: 'backoffice.nav.mail' },
]

/** The sections this user's permissions open (the server checks every call again). */
export function sectionsFor(user: SessionUser | null | undefined): BackOfficeSection[] {
  return BACK_OFFICE_SECTIONS.filter((section) => hasPermission(user, section.permission))
}

/**
 * Where the back office starts for this user, or null when it has nothing for them.
 * Administrators start with the users (their work); everybody else with their first section.
 */
export function backOfficeHome(user: SessionUser | null | undefined): string | null {
  if (hasPermission(user, PERMISSIONS.manageAccounts)) return '/backoffice/utenti'
  return sectionsFor(user)[0]?.path ?? null
}
