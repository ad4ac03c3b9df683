// What the application shell may use from this feature: the back office's third-party
// applications (registration, renewal of credentials, revocation).
export { ClientsPage } from './pages/ClientsPage'
