/** The webhooks as the signed-in administrator sees them. */
export function webhooksKey(userId: string | undefined) {
  return ['session', userId, 'webhooks'] as const
}

/** The latest deliveries of one webhook. */
export function deliveriesKey(userId: string | undefined, webhookId: string) {
  return ['session', userId, 'webhooks', webhookId, 'deliveries'] as const
}

/**
 * The applications a webhook can be registered for: not under the webhooks' key, which a
 * change of webhooks invalidates (it does not change them).
 */
export function applicationsKey(userId: string | undefined) {
  return ['session', userId, 'webhook-applications'] as const
}
