// What the application shell may use from this feature.
export { RegistrationPage } from './pages/RegistrationPage'
