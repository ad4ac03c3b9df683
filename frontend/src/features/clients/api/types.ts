import type { components } from '@/lib/api/schema'

/** A third-party application: never its secret, which the portal keeps only as a hash. */
export type Client = components['schemas']['Client']
/** An application and its new secret, answered once (registration and renewal). */
export type ClientCredentials = components['schemas']['ClientCredentials']
export type NewClient = components['schemas']['NewClientRequest']
export type Scope = components['schemas']['Scope']

/** Every scope an application may be granted, in the order the form lists them. */
export const SCOPES: readonly Scope[] = [
  'certificates:verify',
  'registry:check',
  'practices:read',
  'webhooks:manage',
]

/** The limit of requests a minute the server applies when none is given, and its range. */
export const DEFAULT_RATE_LIMIT = 120
export const MAX_RATE_LIMIT = 6000
