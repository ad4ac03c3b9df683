// Sessions for tests: access tokens shaped as the backend issues them (unsigned: the SPA
// never checks the signature), and the answers of the auth endpoints.
import { session } from '@/lib/session'
import { json, problem } from './mockApi'

export interface TestClaims {
  sub?: string
  role?: string
  label?: string
  perms?: string[]
  mcp?: boolean
  /** Seconds from now. */
  lifetime?: number
}

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

let serial = 0

export function accessToken(claims: TestClaims = {}): string {
  const now = Math.floor(Date.now() / 1000)
  const payload = {
    sub: claims.sub ?? 'acc-citizen',
    iss: 'portale',
    iat: now,
    exp: now + (claims.lifetime ?? 900),
    jti: `jti-${++serial}`,
    role: claims.role ?? 'citizen',
    label: claims.label ?? 'Rossi Mario (RSSMRA85T10H501O)',
    perms: claims.perms ?? [],
    mcp: claims.mcp ?? false,
  }
  return `${base64Url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${base64Url(
    JSON.stringify(payload),
  )}.signature`
}

export function issued(claims: TestClaims = {}) {
  return {
    access_token: accessToken(claims),
    token_type: 'Bearer',
    expires_in: claims.lifetime ?? 900,
    must_change_password: claims.mcp ?? false,
    refresh_token: `refresh-${++serial}`,
  }
}

export const citizenClaims: TestClaims = {}
export const operatorClaims: TestClaims = {
  sub: 'acc-operator',
  role: 'operator',
  label: 'operatore',
  perms: ['accounts.identify', 'audit.read', 'registry.read'],
}

/** Opens a session in the store, as a login would. */
export function signIn(claims: TestClaims = citizenClaims) {
  return session.start(issued(claims))
}

/**
 * Handlers for mockApi: a refresh cookie that restores a session with these claims. Also
 * sets the hint by which the application knows a cookie may be there.
 */
export function restoringSession(claims: TestClaims = citizenClaims) {
  localStorage.setItem('portale.session', '1')
  return {
    'POST /api/v1/auth/refresh': () => json(issued(claims)),
    'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
  }
}

export function noRefreshCookie() {
  return problem(401, {
    title: 'Autenticazione richiesta',
    detail: 'La sessione è terminata: accedere di nuovo.',
    code: 'invalid_refresh_token',
  })
}

export const adminClaims: TestClaims = {
  sub: 'acc-admin',
  role: 'admin',
  label: 'admin',
  perms: [
    'accounts.identify',
    'accounts.manage',
    'groups.manage',
    'audit.read',
    'mail.read',
    'mail.manage',
    'registry.read',
    'clients.manage',
  ],
}
