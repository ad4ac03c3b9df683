// What the application shell may use from this feature.
export { MailOutboxPage } from './pages/MailOutboxPage'
