/**
 * The digital stamp's seal (docs/certificates.md): an unpadded base64url COSE_Sign1
 * (RFC 9052, tag 18) signed with ES256 by one of the municipality's published keys.
 * Checked entirely in the browser: the part of the QR's URL after '#' never reaches a
 * server, and the claims are believed only once the signature holds.
 */
import { type CborMap, type CborValue, CborTagged, decodeCbor, encodeCbor, isBytes } from './cbor'

const COSE_SIGN1_TAG = 18
const HEADER_ALG = 1
const HEADER_KID = 4
const ALG_ES256 = -7
const SEAL_VERSION = 1

/** A key of `GET /api/v1/signing-keys`, as far as verification needs it. */
export interface PublishedKey {
  kid: string
  kty: string
  crv: string
  x: string
  y: string
  status: string
  retired_at?: string | null
}

/** What a seal says about its certificate. */
export interface SealClaims {
  /** ISTAT code of the issuing municipality. */
  issuer: string
  id: string
  type: string
  surname: string
  name: string
  /** YYYY-MM-DD. */
  issuedOn: string
  /** SHA-256 of the certificate's body content stream. */
  documentHash: Uint8Array
}

export type SealFailure =
  /** Not a seal at all: bad base64url, bad CBOR, not a COSE_Sign1, claims missing. */
  | 'malformed'
  /** Signed with an algorithm other than ES256. */
  | 'unsupported_algorithm'
  /** No published key has the seal's kid. */
  | 'unknown_key'
  /** The signature does not match: the seal was altered, or forged. */
  | 'bad_signature'
  /** A genuine seal, but of another certificate than the one in the address. */
  | 'id_mismatch'
  /** The browser offers no WebCrypto (pages served over plain http). */
  | 'crypto_unavailable'

export type SealVerdict =
  | {
      valid: true
      claims: SealClaims
      key: { kid: string; status: string; retiredAt: string | null }
    }
  | { valid: false; failure: SealFailure }

class SealError extends Error {
  constructor(readonly failure: SealFailure) {
    super(failure)
    this.name = 'SealError'
  }
}

/** Unpadded base64url (RFC 4648 §5); a trailing '=' pad is tolerated, anything else is not. */
export function decodeBase64Url(text: string): Uint8Array {
  const body = text.replace(/=+$/, '')
  if (!/^[A-Za-z0-9_-]*$/.test(body) || body.length % 4 === 1) {
    throw new SealError('malformed')
  }
  const binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * A certificate ID as lookups compare it: upper case, without dashes and spaces, with the
 * letters people mistake for digits read as those digits (Crockford base32).
 */
export function normalizeCertificateId(id: string): string {
  return id.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

interface CoseSign1 {
  protectedBytes: Uint8Array
  kid: string
  payloadBytes: Uint8Array
  signature: Uint8Array
}

function decode(bytes: Uint8Array): CborValue {
  try {
    return decodeCbor(bytes)
  } catch {
    throw new SealError('malformed')
  }
}

function asMap(value: CborValue | undefined): CborMap {
  if (!(value instanceof Map)) throw new SealError('malformed')
  return value
}

function parseCoseSign1(seal: string): CoseSign1 {
  const top = decode(decodeBase64Url(seal.trim()))
  if (!(top instanceof CborTagged) || top.tag !== COSE_SIGN1_TAG) throw new SealError('malformed')
  const parts = top.value
  if (!Array.isArray(parts) || parts.length !== 4) throw new SealError('malformed')
  const [protectedBytes, unprotected, payloadBytes, signature] = parts
  // A detached payload (nil) is not a seal: the claims travel inside the QR.
  if (!isBytes(protectedBytes) || !isBytes(payloadBytes) || !isBytes(signature)) {
    throw new SealError('malformed')
  }
  asMap(unprotected)
  const header = asMap(decode(protectedBytes))
  const kid = header.get(HEADER_KID)
  if (!isBytes(kid)) throw new SealError('malformed')
  if (header.get(HEADER_ALG) !== ALG_ES256) throw new SealError('unsupported_algorithm')
  // ES256 in COSE is r‖s, 32 bytes each.
  if (signature.length !== 64) throw new SealError('bad_signature')
  let kidText: string
  try {
    kidText = new TextDecoder('utf-8', { fatal: true }).decode(kid)
  } catch {
    throw new SealError('malformed')
  }
  return { protectedBytes, kid: kidText, payloadBytes, signature }
}

function text(claims: CborMap, key: string): string {
  const value = claims.get(key)
  if (typeof value !== 'string' || value === '') throw new SealError('malformed')
  return value
}

function parseClaims(payload: Uint8Array): SealClaims {
  const claims = asMap(decode(payload))
  if (claims.get('v') !== SEAL_VERSION) throw new SealError('malformed')
  const issuedOn = text(claims, 'iat')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) throw new SealError('malformed')
  const documentHash = claims.get('h')
  if (!isBytes(documentHash) || documentHash.length !== 32) throw new SealError('malformed')
  return {
    issuer: text(claims, 'iss'),
    id: text(claims, 'id'),
    type: text(claims, 'typ'),
    surname: text(claims, 'sn'),
    name: text(claims, 'gn'),
    issuedOn,
    documentHash,
  }
}

/** The bytes ES256 signs: `["Signature1", protected, h'', payload]` (RFC 9052 §4.4). */
export function sigStructure(
  protectedBytes: Uint8Array,
  payloadBytes: Uint8Array,
): Uint8Array<ArrayBuffer> {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payloadBytes])
}

async function importKey(subtle: SubtleCrypto, key: PublishedKey): Promise<CryptoKey> {
  if (key.kty !== 'EC' || key.crv !== 'P-256') throw new SealError('unsupported_algorithm')
  // Only the point: the set's other members (x5c, status, …) are not JWK import fields.
  return subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, ext: true },
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['verify'],
  )
}

/**
 * Verifies a seal against the published keys and, when `expectedId` is given, checks that
 * it belongs to that certificate. Never throws: every failure is a verdict.
 */
export async function verifySeal(
  seal: string,
  keys: readonly PublishedKey[],
  expectedId?: string,
): Promise<SealVerdict> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return { valid: false, failure: 'crypto_unavailable' }
  try {
    const cose = parseCoseSign1(seal)
    const key = keys.find((k) => k.kid === cose.kid)
    if (!key) throw new SealError('unknown_key')
    let publicKey: CryptoKey
    try {
      publicKey = await importKey(subtle, key)
    } catch (cause) {
      if (cause instanceof SealError) throw cause
      // A published key WebCrypto cannot read verifies nothing.
      throw new SealError('unknown_key')
    }
    const signed = await subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      publicKey,
      new Uint8Array(cose.signature),
      sigStructure(cose.protectedBytes, cose.payloadBytes),
    )
    if (!signed) throw new SealError('bad_signature')
    const claims = parseClaims(cose.payloadBytes)
    if (
      expectedId !== undefined &&
      normalizeCertificateId(claims.id) !== normalizeCertificateId(expectedId)
    ) {
      throw new SealError('id_mismatch')
    }
    return {
      valid: true,
      claims,
      key: { kid: key.kid, status: key.status, retiredAt: key.retired_at ?? null },
    }
  } catch (cause) {
    if (cause instanceof SealError) return { valid: false, failure: cause.failure }
    return { valid: false, failure: 'malformed' }
  }
}

/** Lower-case hex of a digest. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A long hex digest as its first and last characters, enough to compare by eye. */
export function shortenHex(hex: string, keep = 8): string {
  return hex.length <= keep * 2 + 1 ? hex : `${hex.slice(0, keep)}…${hex.slice(-keep)}`
}
