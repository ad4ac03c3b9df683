// What the application shell may use from this feature.
export { AuditLogPage } from './pages/AuditLogPage'
