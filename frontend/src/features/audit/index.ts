// What the application shell may use from this feature: the back office's audit log and the
// citizen's "who accessed my data".
export { AccessLogPage } from './pages/AccessLogPage'
export { AuditLogPage } from './pages/AuditLogPage'
