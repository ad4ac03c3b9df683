import type { components } from '@/lib/api/schema'

/** An address the portal notifies of an application's events; never its secret. */
export type Webhook = components['schemas']['Webhook']
/** A webhook and the secret its deliveries are signed with, answered once. */
export type WebhookCredentials = components['schemas']['WebhookCredentials']
export type NewWebhook = components['schemas']['NewWebhookRequest']
export type WebhookDelivery = components['schemas']['WebhookDelivery']
export type EventType = components['schemas']['EventType']
export type Scope = components['schemas']['Scope']
/** A registered application, as GET /admin/clients answers it. */
export type Application = components['schemas']['Client']

/** Every event a webhook can be told about, in the order the form and the list show them. */
export const EVENTS: readonly EventType[] = [
  'certificate.issued',
  'certificate.revoked',
  'practice.submitted',
  'practice.changed',
]

/**
 * The scope an application needs to receive an event: a delivery never says more than that
 * scope lets the application read through the API (backend `EventType::scope`).
 */
export const EVENT_SCOPE: Record<EventType, Scope> = {
  'certificate.issued': 'certificates:verify',
  'certificate.revoked': 'certificates:verify',
  'practice.submitted': 'practices:read',
  'practice.changed': 'practices:read',
}

/** Where a delivery stands. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed'
