import type { Application, Webhook, WebhookDelivery } from './api/types'

/** An application checking certificates and self-declarations: no practices:read. */
export const checksApp: Application = {
  client_id: 'app-3f2a9c1d0b7e4a21',
  name: 'Controlli autocertificazioni',
  organisation: 'Istituto Nazionale di Esempio',
  contact_email: 'api@esempio.gov.it',
  scopes: ['registry:check', 'certificates:verify'],
  allowed_ips: [],
  rate_limit_per_minute: 120,
  created_at: '2026-11-20T09:30:00Z',
  secret_created_at: '2026-11-20T09:30:00Z',
  revoked_at: null,
  auth_method: 'client_secret',
}

/** A records office following online practices: no certificates:verify. */
export const recordsApp: Application = {
  client_id: 'app-77aa01bb02cc03dd',
  name: 'Protocollo informatico',
  organisation: 'Unione dei Comuni di Esempio',
  contact_email: 'protocollo@unione.example.it',
  scopes: ['practices:read'],
  allowed_ips: [],
  rate_limit_per_minute: 60,
  created_at: '2026-10-15T08:00:00Z',
  secret_created_at: '2026-10-15T08:00:00Z',
  revoked_at: null,
  auth_method: 'client_secret',
}

/** A revoked application: not offered by the form. */
export const revokedApp: Application = {
  client_id: 'app-0a1b2c3d4e5f6071',
  name: 'Verifiche banca',
  organisation: 'Banca di Prova',
  contact_email: 'it@banca.example',
  scopes: ['certificates:verify', 'practices:read'],
  allowed_ips: [],
  rate_limit_per_minute: 60,
  created_at: '2026-10-01T08:00:00Z',
  secret_created_at: '2026-10-01T08:00:00Z',
  revoked_at: '2026-10-08T16:45:00Z',
  auth_method: 'client_secret',
}

/** Active, with a success, a later failure, one delivery waiting and two failed. */
export const certificatesHook: Webhook = {
  id: 'wh-5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a',
  client_id: checksApp.client_id,
  url: 'https://verifiche.esempio.gov.it/portale/webhook',
  events: ['certificate.issued', 'certificate.revoked'],
  created_at: '2026-11-20T10:00:00Z',
  disabled_at: null,
  last_success_at: '2026-11-30T12:00:02Z',
  last_failure_at: '2026-12-02T08:00:00Z',
  last_error: 'HTTP 503: Servizio temporaneamente non disponibile',
  pending: 1,
  failed: 2,
}

/** Disabled, never delivered anything. */
export const practicesHook: Webhook = {
  id: 'wh-0011223344556677889900aabbccddee',
  client_id: recordsApp.client_id,
  url: 'https://protocollo.unione.example.it/hooks/portale',
  events: ['practice.submitted', 'practice.changed'],
  created_at: '2026-10-16T09:00:00Z',
  disabled_at: '2026-11-25T17:30:00Z',
  last_success_at: null,
  last_failure_at: null,
  last_error: null,
  pending: 0,
  failed: 0,
}

/** The deliveries of `certificatesHook`, the newest first. */
export const deliveries: WebhookDelivery[] = [
  {
    id: 'dl-3',
    event_id: 'ev-cc33',
    event_type: 'certificate.revoked',
    occurred_at: '2026-12-02T07:59:00Z',
    status: 'pending',
    attempts: 1,
    next_attempt_at: '2026-12-02T08:00:30Z',
    last_status_code: 503,
    last_error: 'HTTP 503: Servizio temporaneamente non disponibile',
    delivered_at: null,
  },
  {
    id: 'dl-2',
    event_id: 'ev-bb22',
    event_type: 'certificate.issued',
    occurred_at: '2026-12-01T10:14:58Z',
    status: 'failed',
    attempts: 12,
    next_attempt_at: '2026-12-01T17:20:00Z',
    last_status_code: null,
    last_error: 'connection refused or address unreachable',
    delivered_at: null,
  },
  {
    id: 'dl-1',
    event_id: 'ev-aa11',
    event_type: 'certificate.issued',
    occurred_at: '2026-11-30T12:00:00Z',
    status: 'delivered',
    attempts: 1,
    next_attempt_at: '2026-11-30T12:00:00Z',
    last_status_code: 200,
    last_error: null,
    delivered_at: '2026-11-30T12:00:02Z',
  },
]

export const SECRET = 'whsec_5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a69788766554433221100ffeeddccbbaa'
