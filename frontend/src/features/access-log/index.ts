export { AccessLogPage } from './pages/AccessLogPage'
