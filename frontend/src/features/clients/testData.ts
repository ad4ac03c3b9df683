import type { Client } from './api/types'

/** An application of another administration, checking self-declarations. */
export const checksClient: Client = {
  client_id: 'app-3f2a9c1d0b7e4a21',
  name: 'Controlli autocertificazioni',
  organisation: 'Istituto Nazionale di Esempio',
  contact_email: 'api@esempio.gov.it',
  scopes: ['registry:check', 'certificates:verify'],
  allowed_ips: ['192.0.2.0/24'],
  rate_limit_per_minute: 120,
  created_at: '2026-11-20T09:30:00Z',
  secret_created_at: '2026-11-20T09:30:00Z',
  revoked_at: null,
  auth_method: 'client_secret',
}

/** An application revoked a week after its registration. */
export const revokedClient: Client = {
  client_id: 'app-0a1b2c3d4e5f6071',
  name: 'Verifiche banca',
  organisation: 'Banca di Prova',
  contact_email: 'it@banca.example',
  scopes: ['certificates:verify'],
  allowed_ips: [],
  rate_limit_per_minute: 60,
  created_at: '2026-10-01T08:00:00Z',
  secret_created_at: '2026-10-01T08:00:00Z',
  revoked_at: '2026-10-08T16:45:00Z',
  auth_method: 'client_secret',
}

export const SECRET = 'ps_5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a69788766554433221100ffeeddccbbaa'
export const NEW_SECRET = 'ps_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff'
