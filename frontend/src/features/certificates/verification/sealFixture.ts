// Test helper: seals made as the backend makes them (docs/certificates.md), with a fresh
// P-256 key. Its CBOR encoder is its own, so that the verifier's decoder is checked
// against an independent writer rather than against itself.
import type { PublishedKey } from './seal'

/** A map as its [key, value] pairs, in the order written; a tag with its item. */
type Item =
  | null
  | number
  | string
  | Uint8Array
  | Item[]
  | { map: Array<[Item, Item]> }
  | { tag: number; item: Item }

function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n]
  if (n < 0x100) return [(major << 5) | 24, n]
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff]
  return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
}

function encode(item: Item): number[] {
  if (item === null) return [0xf6]
  if (typeof item === 'number') return item >= 0 ? head(0, item) : head(1, -1 - item)
  if (typeof item === 'string') {
    const bytes = [...new TextEncoder().encode(item)]
    return [...head(3, bytes.length), ...bytes]
  }
  if (ArrayBuffer.isView(item)) return [...head(2, item.length), ...item]
  if (Array.isArray(item)) return [...head(4, item.length), ...item.flatMap((i) => encode(i))]
  if ('map' in item) {
    return [
      ...head(5, item.map.length),
      ...item.map.flatMap(([k, v]) => [...encode(k), ...encode(v)]),
    ]
  }
  return [...head(6, item.tag), ...encode(item.item)]
}

export function cbor(item: Item): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encode(item))
}

export function base64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const DOCUMENT_HASH = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff)

export interface SealContent {
  v: number
  iss: string
  id: string
  typ: string
  sn: string
  gn: string
  iat: string
  h: Uint8Array
}

export const sealContent: SealContent = {
  v: 1,
  iss: '099999',
  id: '7KQF-9XMA-2R4D-HV0C',
  typ: 'residenza',
  sn: 'ROSSI',
  gn: 'MARIO',
  iat: '2026-11-20',
  h: DOCUMENT_HASH,
}

export interface SignOptions {
  /** The kid written in the protected header (default: the signer's). */
  kid?: string
  alg?: number
}

export interface TestSigner {
  key: PublishedKey
  /** The unpadded base64url seal of these claims. */
  seal(content?: Partial<SealContent>, options?: SignOptions): Promise<string>
}

export async function makeSigner(kid = 'seal-2026-01', status = 'current'): Promise<TestSigner> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey)
  // The published set carries an X.509 chain too; its content does not matter here.
  const key: PublishedKey & Record<string, unknown> = {
    kty: 'EC',
    crv: 'P-256',
    x: jwk.x ?? '',
    y: jwk.y ?? '',
    kid,
    alg: 'ES256',
    use: 'sig',
    x5c: ['MIIB'],
    status,
    created_at: '2026-01-01T00:00:00Z',
    retired_at: status === 'retired' ? '2026-06-30T00:00:00Z' : null,
  }
  return {
    key,
    async seal(content = {}, options = {}) {
      const c = { ...sealContent, ...content }
      const protectedBytes = cbor({
        map: [
          [1, options.alg ?? -7],
          [4, new TextEncoder().encode(options.kid ?? kid)],
        ],
      })
      const payload = cbor({
        map: [
          ['v', c.v],
          ['iss', c.iss],
          ['id', c.id],
          ['typ', c.typ],
          ['sn', c.sn],
          ['gn', c.gn],
          ['iat', c.iat],
          ['h', c.h],
        ],
      })
      const toBeSigned = cbor(['Signature1', protectedBytes, new Uint8Array(0), payload])
      const signature = new Uint8Array(
        await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, toBeSigned),
      )
      return base64Url(cbor({ tag: 18, item: [protectedBytes, { map: [] }, payload, signature] }))
    },
  }
}
