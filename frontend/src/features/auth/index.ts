// What the application shell may use from this feature.
export { useLogout } from './api/useLogout'
export { ChangePasswordPage } from './pages/ChangePasswordPage'
export { LoginPage } from './pages/LoginPage'
export { RecoverPasswordPage } from './pages/RecoverPasswordPage'
export { ResetPasswordPage } from './pages/ResetPasswordPage'
export { redirectTarget } from './redirect'
