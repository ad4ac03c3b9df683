// What the application shell may use from this feature: the back office's webhooks
// (registration with its signing secret, deliveries, retries, disabling).
export { WebhooksPage } from './pages/WebhooksPage'
