// What the application shell may use from this feature: the citizen's "who accessed my data".
export { AccessLogPage } from './pages/AccessLogPage'
