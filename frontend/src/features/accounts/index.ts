// What the application shell may use from this feature: registration, login and password,
// smart card, SPID and CIE, profile, users and groups, identification of accounts at the counter.
export { GroupsPage } from './access-control/pages/GroupsPage'
export { UsersPage } from './access-control/pages/UsersPage'
export { useLogout } from './auth/api/useLogout'
export { ChangePasswordPage } from './auth/pages/ChangePasswordPage'
export { LoginPage } from './auth/pages/LoginPage'
export { LoginResultPage } from './auth/pages/LoginResultPage'
export { RecoverPasswordPage } from './auth/pages/RecoverPasswordPage'
export { ResetPasswordPage } from './auth/pages/ResetPasswordPage'
export { redirectTarget } from './auth/redirect'
export { BackOfficePage } from './identification/pages/BackOfficePage'
export { ProfilePage } from './profile/pages/ProfilePage'
export { RegistrationPage } from './registration/pages/RegistrationPage'
