import { describe, expect, it } from 'vitest'
import { CborError, CborTagged, type CborValue, decodeCbor, encodeCbor } from './cbor'

function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '')
  return new Uint8Array(clean.match(/../g)?.map((b) => parseInt(b, 16)) ?? [])
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

// Examples of RFC 8949 Appendix A within the subset a seal uses.
const examples: Array<[CborValue, string]> = [
  [0, '00'],
  [23, '17'],
  [24, '1818'],
  [100, '1864'],
  [1000, '1903e8'],
  [1000000, '1a000f4240'],
  [1000000000000, '1b000000e8d4a51000'],
  [-1, '20'],
  [-10, '29'],
  [-100, '3863'],
  [-1000, '3903e7'],
  [new Uint8Array(0), '40'],
  [new Uint8Array([1, 2, 3, 4]), '4401020304'],
  ['', '60'],
  ['a', '6161'],
  ['IETF', '6449455446'],
  ['\u00fc', '62c3bc'],
  ['\u6c34', '63e6b0b4'],
  [[], '80'],
  [[1, 2, 3], '83010203'],
  [[1, [2, 3], [4, 5]], '8301820203820405'],
  [new Map(), 'a0'],
  [
    new Map([
      [1, 2],
      [3, 4],
    ]),
    'a201020304',
  ],
  [
    new Map<string, CborValue>([
      ['a', 1],
      ['b', [2, 3]],
    ]),
    'a26161016162820203',
  ],
  [new CborTagged(1, 1363896240), 'c11a514b67b0'],
]

describe('CBOR', () => {
  it.each(examples)('decodes and encodes %s as in RFC 8949', (value, encoded) => {
    expect(decodeCbor(hex(encoded))).toEqual(value)
    expect(toHex(encodeCbor(value))).toBe(encoded)
  })

  it('decodes the COSE_Sign1 of RFC 9052 C.2.1 into its four parts', () => {
    const message = decodeCbor(
      hex(`d28443a10126a10442313154546869732069732074686520636f6e74656e742e5840
           8eb33e4ca31d1c465ab05aac34cc6b23d58fef5c083106c4d25a91aef0b0117e
           2af9a291aa32e14ab834dc56ed2a223444547e01f11d3b0916e5a4c345cacb36`),
    )
    expect(message).toBeInstanceOf(CborTagged)
    const { tag, value } = message as CborTagged
    expect(tag).toBe(18)
    const [protectedBytes, unprotected, payload, signature] = value as CborValue[]
    expect(decodeCbor(protectedBytes as Uint8Array)).toEqual(new Map([[1, -7]]))
    expect(unprotected).toEqual(new Map([[4, new Uint8Array([0x31, 0x31])]]))
    expect(new TextDecoder().decode(payload as Uint8Array)).toBe('This is the content.')
    expect((signature as Uint8Array).length).toBe(64)
  })

  it.each([
    ['a half-precision float', 'f97c00'],
    ['a simple value (true)', 'f5'],
    ['an indefinite-length byte string', '5f4101ff'],
    ['an indefinite-length array', '9f01ff'],
    ['a truncated integer', '1a0000'],
    ['a truncated byte string', '4401'],
    ['an array missing an item', '8201'],
    ['trailing bytes', '0000'],
    ['a duplicate map key', 'a201020103'],
    ['invalid UTF-8 in a text string', '62c328'],
    ['an array as a map key', 'a18001'],
    ['an integer beyond 2^53', '1bffffffffffffffff'],
    ['reserved additional information', '1c'],
    ['nesting deeper than a seal needs', `${'81'.repeat(40)}00`],
    ['nothing at all', ''],
  ])('refuses %s', (_, encoded) => {
    expect(() => decodeCbor(hex(encoded))).toThrow(CborError)
  })

  it('refuses to encode what it cannot decode', () => {
    expect(() => encodeCbor(1.5)).toThrow(CborError)
    expect(() => encodeCbor(2 ** 60)).toThrow(CborError)
  })
})
