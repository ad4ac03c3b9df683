// What the application shell may use from this feature: the back office's audit log.
export { AuditLogPage } from './pages/AuditLogPage'
