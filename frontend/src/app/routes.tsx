import { type RouteObject, useRoutes } from 'react-router'
import {
  ChangePasswordPage,
  GroupsPage,
  LoginPage,
  LoginResultPage,
  ProfilePage,
  RecoverPasswordPage,
  RegistrationPage,
  ResetPasswordPage,
  UsersPage,
} from '@/features/accounts'
import { AccessLogPage } from '@/features/access-log'
import {
  BookAppointmentPage,
  DesksPage,
  MyAppointmentsPage,
  OfficeAgendaPage,
} from '@/features/appointments'
import { AuditLogPage } from '@/features/audit'
import {
  CertificateOfficePage,
  MyCertificatesPage,
  NewCertificatePage,
  SealVerificationPage,
  VerifyPage,
} from '@/features/certificates'
import { ClientsPage } from '@/features/clients'
import { MailOutboxPage } from '@/features/mail'
import {
  NewPracticePage,
  OfficePracticePage,
  OfficeQueuePage,
  PracticePage,
  PracticesPage,
} from '@/features/practices'
import {
  AccessibilityPage,
  ContactsPage,
  HelpPage,
  HomePage,
  HowToAccessPage,
  LegalNotesPage,
  PrivacyPage,
} from '@/features/municipality'
import { FamilyPage, FiscalCodePage, PersonPage, ThirdPartyPage } from '@/features/registry'
import { NewSelfDeclarationPage, SelfDeclarationsPage } from '@/features/self-declarations'
import { WebhooksPage } from '@/features/webhooks'
import { PERMISSIONS } from '@/lib/session'
import { BackOfficeLayout } from './backoffice/BackOfficeLayout'
import { CounterOrFirstSection } from './backoffice/CounterOrFirstSection'
import { ForcedPasswordChange, landingFor, RequirePermission, RequireSession } from './guards'
import { Layout } from './layout/Layout'
import { NotFoundPage } from './NotFoundPage'

/** The application's routes; paths are Italian, as the links citizens receive and share. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        element: <ForcedPasswordChange />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'come-accedere', element: <HowToAccessPage /> },
          { path: 'aiuto', element: <HelpPage /> },
          { path: 'contatti', element: <ContactsPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'accessibilita', element: <AccessibilityPage /> },
          { path: 'note-legali', element: <LegalNotesPage /> },
          { path: 'strumenti/codice-fiscale', element: <FiscalCodePage /> },
          { path: 'accedi', element: <LoginPage landing={landingFor} /> },
          // Where the server brings the browser back after a SPID or CIE login.
          { path: 'accedi/esito', element: <LoginResultPage landing={landingFor} /> },
          { path: 'registrazione', element: <RegistrationPage /> },
          { path: 'recupera-password', element: <RecoverPasswordPage /> },
          { path: 'reimposta-password', element: <ResetPasswordPage /> },
          {
            path: 'cambio-password',
            element: (
              <RequireSession>
                <ChangePasswordPage landing={landingFor} />
              </RequireSession>
            ),
          },
          {
            path: 'profilo',
            element: (
              <RequireSession>
                <ProfilePage />
              </RequireSession>
            ),
          },
          // Family record and certificates (issue 4); the API decides who sees what.
          {
            path: 'famiglia',
            element: (
              <RequireSession>
                <FamilyPage />
              </RequireSession>
            ),
          },
          {
            path: 'famiglia/:personId',
            element: (
              <RequireSession>
                <PersonPage />
              </RequireSession>
            ),
          },
          {
            path: 'certificati',
            element: (
              <RequireSession>
                <MyCertificatesPage />
              </RequireSession>
            ),
          },
          {
            path: 'certificati/nuovo',
            element: (
              <RequireSession>
                <NewCertificatePage />
              </RequireSession>
            ),
          },
          // Self-declarations: the service's home and blank forms are public.
          { path: 'autocertificazioni', element: <SelfDeclarationsPage /> },
          {
            path: 'autocertificazioni/nuova',
            element: (
              <RequireSession>
                <NewSelfDeclarationPage />
              </RequireSession>
            ),
          },
          // Online practices: "Stato richieste", a new declaration, one practice.
          {
            path: 'pratiche',
            element: (
              <RequireSession>
                <PracticesPage />
              </RequireSession>
            ),
          },
          {
            path: 'pratiche/nuova/:type',
            element: (
              <RequireSession>
                <NewPracticePage />
              </RequireSession>
            ),
          },
          {
            path: 'pratiche/:id',
            element: (
              <RequireSession>
                <PracticePage />
              </RequireSession>
            ),
          },
          // Appointments at the office's desks (issue 14): the calendar and my appointments.
          {
            path: 'appuntamenti',
            element: (
              <RequireSession>
                <MyAppointmentsPage />
              </RequireSession>
            ),
          },
          {
            path: 'appuntamenti/prenota',
            element: (
              <RequireSession>
                <BookAppointmentPage />
              </RequireSession>
            ),
          },
          // Third-party certificates, who consulted my data, public verification (issue 4).
          {
            path: 'certificazione-libera',
            element: (
              <RequireSession>
                <ThirdPartyPage />
              </RequireSession>
            ),
          },
          {
            path: 'chi-ha-consultato-i-miei-dati',
            element: (
              <RequireSession>
                <AccessLogPage />
              </RequireSession>
            ),
          },
          { path: 'verifica', element: <VerifyPage /> },
          { path: 'verifica/:id', element: <SealVerificationPage /> },
          {
            path: 'backoffice',
            element: (
              <RequireSession>
                <BackOfficeLayout />
              </RequireSession>
            ),
            children: [
              { index: true, element: <CounterOrFirstSection /> },
              {
                path: 'pratiche',
                element: (
                  <RequirePermission permission={PERMISSIONS.managePractices}>
                    <OfficeQueuePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'pratiche/:id',
                element: (
                  <RequirePermission permission={PERMISSIONS.managePractices}>
                    <OfficePracticePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'appuntamenti',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageAppointments}>
                    <OfficeAgendaPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'sportelli',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageAppointments}>
                    <DesksPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'certificati',
                element: (
                  <RequirePermission permission={PERMISSIONS.readRegistry}>
                    <CertificateOfficePage />
                  </RequirePermission>
                ),
              },
              {
                path: 'utenti',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageAccounts}>
                    <UsersPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'gruppi',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageGroups}>
                    <GroupsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'applicazioni',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageClients}>
                    <ClientsPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'webhook',
                element: (
                  <RequirePermission permission={PERMISSIONS.manageClients}>
                    <WebhooksPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'registro-accessi',
                element: (
                  <RequirePermission permission={PERMISSIONS.readAudit}>
                    <AuditLogPage />
                  </RequirePermission>
                ),
              },
              {
                path: 'posta',
                element: (
                  <RequirePermission permission={PERMISSIONS.readMail}>
                    <MailOutboxPage />
                  </RequirePermission>
                ),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]

/** Renders the route matching the current location. */
export function AppRoutes() {
  return useRoutes(routes)
}
