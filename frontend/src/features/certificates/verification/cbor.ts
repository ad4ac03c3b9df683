/**
 * The subset of CBOR (RFC 8949) that a COSE_Sign1 seal uses: unsigned and negative
 * integers, byte strings, text strings, arrays, maps and tags. The decoder is strict —
 * a seal comes from a QR code anyone can print — so it refuses what the subset does not
 * need (floats, simple values, indefinite lengths), truncated input, trailing bytes,
 * duplicate map keys and invalid UTF-8, instead of guessing.
 */

export type CborKey = number | string
export type CborValue = number | string | Uint8Array | CborValue[] | CborMap | CborTagged
export type CborMap = Map<CborKey, CborValue>

export class CborTagged {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export class CborError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CborError'
  }
}

const MAJOR_UNSIGNED = 0
const MAJOR_NEGATIVE = 1
const MAJOR_BYTES = 2
const MAJOR_TEXT = 3
const MAJOR_ARRAY = 4
const MAJOR_MAP = 5
const MAJOR_TAG = 6

/** A seal is a few hundred bytes: deeper nesting can only be an attack on the stack. */
const MAX_DEPTH = 16

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

class Reader {
  private offset = 0

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset === this.bytes.length
  }

  byte(): number {
    const value = this.bytes[this.offset]
    if (value === undefined) throw new CborError('unexpected end of input')
    this.offset += 1
    return value
  }

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new CborError('unexpected end of input')
    const slice = this.bytes.slice(this.offset, this.offset + length)
    this.offset += length
    return slice
  }

  /** The argument of a head: the value itself, or the length or count that follows. */
  argument(info: number): number {
    if (info < 24) return info
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0
    if (size === 0) throw new CborError(`unsupported additional information ${info}`)
    let value = 0
    for (const byte of this.take(size)) value = value * 256 + byte
    if (!Number.isSafeInteger(value)) throw new CborError('integer too large')
    return value
  }
}

function decodeItem(reader: Reader, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw new CborError('nesting too deep')
  const head = reader.byte()
  const major = head >> 5
  const info = head & 0x1f
  if (major === 7) throw new CborError('floats and simple values are not expected')
  if (info === 31) throw new CborError('indefinite lengths are not expected')
  const argument = reader.argument(info)
  switch (major) {
    case MAJOR_UNSIGNED:
      return argument
    case MAJOR_NEGATIVE:
      return -1 - argument
    case MAJOR_BYTES:
      return reader.take(argument)
    case MAJOR_TEXT:
      try {
        return utf8.decode(reader.take(argument))
      } catch (cause) {
        if (cause instanceof CborError) throw cause
        throw new CborError('invalid UTF-8 in a text string')
      }
    case MAJOR_ARRAY: {
      const items: CborValue[] = []
      for (let i = 0; i < argument; i++) items.push(decodeItem(reader, depth + 1))
      return items
    }
    case MAJOR_MAP: {
      const map: CborMap = new Map()
      for (let i = 0; i < argument; i++) {
        const key = decodeItem(reader, depth + 1)
        if (typeof key !== 'number' && typeof key !== 'string') {
          throw new CborError('map keys must be integers or text')
        }
        if (map.has(key)) throw new CborError(`duplicate map key ${String(key)}`)
        map.set(key, decodeItem(reader, depth + 1))
      }
      return map
    }
    case MAJOR_TAG:
      return new CborTagged(argument, decodeItem(reader, depth + 1))
    default:
      throw new CborError(`unknown major type ${major}`)
  }
}

/** Decodes exactly one CBOR item that fills the whole input. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new Reader(bytes)
  const value = decodeItem(reader, 0)
  if (!reader.done) throw new CborError('trailing bytes after the item')
  return value
}

class Writer {
  private readonly chunks: Uint8Array[] = []
  private length = 0

  push(chunk: Uint8Array) {
    this.chunks.push(chunk)
    this.length += chunk.length
  }

  /** A head in its shortest form, as deterministic encoding (RFC 8949 §4.2) wants. */
  head(major: number, argument: number) {
    if (!Number.isSafeInteger(argument) || argument < 0) {
      throw new CborError(`cannot encode argument ${argument}`)
    }
    const size =
      argument < 24
        ? 0
        : argument < 0x100
          ? 1
          : argument < 0x10000
            ? 2
            : argument < 0x100000000
              ? 4
              : 8
    const info = size === 0 ? argument : size === 1 ? 24 : size === 2 ? 25 : size === 4 ? 26 : 27
    const out = new Uint8Array(1 + size)
    out[0] = (major << 5) | info
    let rest = argument
    for (let i = size; i >= 1; i--) {
      out[i] = rest % 256
      rest = Math.floor(rest / 256)
    }
    this.push(out)
  }

  bytes(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.length)
    let offset = 0
    for (const chunk of this.chunks) {
      out.set(chunk, offset)
      offset += chunk.length
    }
    return out
  }
}

const utf8Encoder = new TextEncoder()

function encodeItem(writer: Writer, value: CborValue) {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new CborError('only integers can be encoded')
    if (value >= 0) writer.head(MAJOR_UNSIGNED, value)
    else writer.head(MAJOR_NEGATIVE, -1 - value)
  } else if (typeof value === 'string') {
    const encoded = utf8Encoder.encode(value)
    writer.head(MAJOR_TEXT, encoded.length)
    writer.push(new Uint8Array(encoded))
  } else if (Array.isArray(value)) {
    writer.head(MAJOR_ARRAY, value.length)
    for (const item of value) encodeItem(writer, item)
  } else if (value instanceof Map) {
    writer.head(MAJOR_MAP, value.size)
    for (const [key, item] of value) {
      encodeItem(writer, key)
      encodeItem(writer, item)
    }
  } else if (value instanceof CborTagged) {
    writer.head(MAJOR_TAG, value.tag)
    encodeItem(writer, value.value)
  } else {
    // Byte strings may come from another realm (a test's TextEncoder): no instanceof.
    writer.head(MAJOR_BYTES, value.length)
    writer.push(new Uint8Array(value))
  }
}

/**
 * Encodes a value. Maps keep their insertion order, so a caller that needs deterministic
 * encoding inserts keys in canonical order.
 */
export function encodeCbor(value: CborValue): Uint8Array<ArrayBuffer> {
  const writer = new Writer()
  encodeItem(writer, value)
  return writer.bytes()
}

/** True for a byte string, whichever realm created it. */
export function isBytes(value: CborValue | undefined): value is Uint8Array {
  return value !== undefined && ArrayBuffer.isView(value)
}
