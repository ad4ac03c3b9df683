/**
 * What the access token's payload says about its holder. It drives the interface only
 * (which links to show, where to send the user first): every permission is checked again
 * by the server, and the token's signature is never checked here.
 */
export interface SessionUser {
  /** The account id (`sub`). */
  id: string
  role: 'citizen' | 'operator' | 'admin' | string
  /** How the server names the user: "Rossi Mario (RSSMRA85T10H501O)" or a user name. */
  label: string
  /** The label without the codice fiscale in brackets, for the header. */
  displayName: string
  /** What the user logs in with: the codice fiscale, or the staff user name. */
  loginName: string
  permissions: string[]
  /** The password must be changed before anything else works. */
  mustChangePassword: boolean
  /** When the access token expires, in milliseconds since the epoch. */
  expiresAt: number
}

function decodeBase64Url(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

const FISCAL_CODE_IN_LABEL = /\s*\(([A-Z0-9]{16})\)\s*$/

function displayNameOf(label: string): string {
  return label.replace(FISCAL_CODE_IN_LABEL, '').trim() || label
}

function loginNameOf(label: string): string {
  return FISCAL_CODE_IN_LABEL.exec(label)?.[1] ?? label
}

/** Reads a JWT's payload (base64url JSON); null when it is not a token of this portal. */
export function readAccessToken(token: string): SessionUser | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  let claims: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(decodeBase64Url(payload))
    if (typeof parsed !== 'object' || parsed === null) return null
    claims = parsed as Record<string, unknown>
  } catch {
    return null
  }
  if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null
  const label = typeof claims.label === 'string' ? claims.label : claims.sub
  return {
    id: claims.sub,
    role: typeof claims.role === 'string' ? claims.role : 'citizen',
    label,
    displayName: displayNameOf(label),
    loginName: loginNameOf(label),
    permissions: Array.isArray(claims.perms)
      ? claims.perms.filter((p): p is string => typeof p === 'string')
      : [],
    mustChangePassword: claims.mcp === true,
    expiresAt: claims.exp * 1000,
  }
}
