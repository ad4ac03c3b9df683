import { type RouteObject, useRoutes } from 'react-router'
import {
  ChangePasswordPage,
  LoginPage,
  RecoverPasswordPage,
  ResetPasswordPage,
} from '@/features/auth'
import { BackOfficePage } from '@/features/backoffice'
import { HomePage } from '@/features/catalogue'
import { FiscalCodePage } from '@/features/fiscal-code'
import { HelpPage, HowToAccessPage } from '@/features/help'
import {
  AccessibilityPage,
  ContactsPage,
  LegalNotesPage,
  PrivacyPage,
} from '@/features/municipality'
import { ProfilePage } from '@/features/profile'
import { RegistrationPage } from '@/features/registration'
import { PERMISSIONS } from '@/lib/session'
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
          {
            path: 'backoffice',
            element: (
              <RequireSession>
                <RequirePermission permission={PERMISSIONS.identifyAccounts}>
                  <BackOfficePage />
                </RequirePermission>
              </RequireSession>
            ),
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
