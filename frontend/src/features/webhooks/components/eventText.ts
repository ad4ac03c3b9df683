import type { TFunction } from 'i18next'
import { type DeliveryStatus, EVENTS, type EventType, type Scope } from '../api/types'

// An event's code has a dot ("certificate.issued"): its texts are nested that way in the
// translations (webhooks.events.certificate.issued). A scope's code has a colon, which
// i18next would read as a namespace: looked up without namespaces.

const isEvent = (code: string): code is EventType => (EVENTS as readonly string[]).includes(code)

/** An event in words, e.g. "Rilascio di un certificato" (its code when unknown). */
export function eventLabel(t: TFunction, event: string): string {
  return isEvent(event) ? t(`webhooks.events.${event}`) : event
}

/** What the receiver is told with the event. */
export function eventMeaning(t: TFunction, event: EventType): string {
  return t(`webhooks.eventMeanings.${event}`)
}

/**
 * A scope's name in the words of the Applicazioni page, where the administrator granted
 * it (its code when unknown).
 */
export function scopeName(t: TFunction, scope: Scope): string {
  return t(`clients.scopes.${scope}`, { nsSeparator: false, defaultValue: scope })
}

const STATUSES: readonly string[] = ['pending', 'delivered', 'failed'] satisfies DeliveryStatus[]

/** A delivery's state in words (its code when unknown). */
export function deliveryStatusLabel(t: TFunction, status: string): string {
  return STATUSES.includes(status)
    ? t(`webhooks.deliveries.status.${status as DeliveryStatus}`)
    : status
}

/**
 * Why a delivery failed, in words: the server records a receiver's refusal as "HTTP 503:
 * its body" (shown as is) and the two transport failures with fixed English phrases
 * (backend/src/webhooks/worker.rs), translated here.
 */
export function failureText(t: TFunction, error: string): string {
  if (error.startsWith('no answer within ')) return t('webhooks.failures.timeout')
  if (error === 'connection refused or address unreachable')
    return t('webhooks.failures.unreachable')
  return error
}
