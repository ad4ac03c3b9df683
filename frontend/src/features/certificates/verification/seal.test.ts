import { describe, expect, it } from 'vitest'
import {
  decodeBase64Url,
  normalizeCertificateId,
  type PublishedKey,
  shortenHex,
  sigStructure,
  toHex,
  verifySeal,
} from './seal'
import { base64Url, cbor, DOCUMENT_HASH, makeSigner } from './sealFixture'

function hex(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    text
      .replace(/\s+/g, '')
      .match(/../g)
      ?.map((b) => parseInt(b, 16)) ?? [],
  )
}

function flipByte(seal: string, index: number): string {
  const bytes = decodeBase64Url(seal)
  bytes[index] = bytes[index]! ^ 0x01
  return base64Url(bytes)
}

describe('seal verification', () => {
  it('accepts a seal signed by a published key and returns its claims', async () => {
    const signer = await makeSigner('seal-2026-01')
    const seal = await signer.seal()
    const verdict = await verifySeal(seal, [signer.key], '7KQF-9XMA-2R4D-HV0C')
    expect(verdict).toEqual({
      valid: true,
      claims: {
        issuer: '099999',
        id: '7KQF-9XMA-2R4D-HV0C',
        type: 'residenza',
        surname: 'ROSSI',
        name: 'MARIO',
        issuedOn: '2026-11-20',
        documentHash: DOCUMENT_HASH,
      },
      key: { kid: 'seal-2026-01', status: 'current', retiredAt: null },
    })
  })

  it('keeps accepting seals of a retired key, and says the key is retired', async () => {
    const current = await makeSigner('seal-2026-02', 'current')
    const retired = await makeSigner('seal-2026-01', 'retired')
    const verdict = await verifySeal(await retired.seal(), [current.key, retired.key])
    expect(verdict.valid && verdict.key).toEqual({
      kid: 'seal-2026-01',
      status: 'retired',
      retiredAt: '2026-06-30T00:00:00Z',
    })
  })

  it('refuses a seal with any single byte changed', async () => {
    const signer = await makeSigner()
    const seal = await signer.seal()
    const length = decodeBase64Url(seal).length
    for (let i = 0; i < length; i++) {
      const verdict = await verifySeal(flipByte(seal, i), [signer.key])
      expect(verdict.valid, `byte ${i} changed`).toBe(false)
    }
  })

  it('calls a changed claim or signature a bad signature', async () => {
    const signer = await makeSigner()
    const seal = await signer.seal()
    const bytes = decodeBase64Url(seal)
    const surnameAt = bytes.findIndex(
      (_, i) => String.fromCharCode(...bytes.slice(i, i + 5)) === 'ROSSI',
    )
    expect(await verifySeal(flipByte(seal, surnameAt), [signer.key])).toEqual({
      valid: false,
      failure: 'bad_signature',
    })
    expect(await verifySeal(flipByte(seal, bytes.length - 1), [signer.key])).toEqual({
      valid: false,
      failure: 'bad_signature',
    })
  })

  it('refuses a seal whose kid no published key has', async () => {
    const signer = await makeSigner('seal-2026-01')
    const other = await makeSigner('seal-2026-09')
    expect(await verifySeal(await signer.seal(), [other.key])).toEqual({
      valid: false,
      failure: 'unknown_key',
    })
  })

  it('refuses a seal signed by another key than the one its kid names', async () => {
    const genuine = await makeSigner('seal-2026-01')
    const forger = await makeSigner('forger')
    const forged = await forger.seal({}, { kid: 'seal-2026-01' })
    expect(await verifySeal(forged, [genuine.key])).toEqual({
      valid: false,
      failure: 'bad_signature',
    })
  })

  it('refuses a genuine seal of another certificate than the one in the address', async () => {
    const signer = await makeSigner()
    const seal = await signer.seal({ id: 'AAAA-BBBB-CCCC-DDDD' })
    expect(await verifySeal(seal, [signer.key], '7KQF-9XMA-2R4D-HV0C')).toEqual({
      valid: false,
      failure: 'id_mismatch',
    })
    // The same ID typed loosely is the same certificate.
    expect((await verifySeal(seal, [signer.key], 'aaaabbbb cccc dddd')).valid).toBe(true)
  })

  it('refuses algorithms other than ES256', async () => {
    const signer = await makeSigner()
    expect(await verifySeal(await signer.seal({}, { alg: -35 }), [signer.key])).toEqual({
      valid: false,
      failure: 'unsupported_algorithm',
    })
  })

  it('refuses signed claims that break the format', async () => {
    const signer = await makeSigner()
    for (const content of [
      { v: 2 },
      { h: new Uint8Array(20) },
      { iat: '20/11/2026' },
      { sn: '' },
    ]) {
      expect(await verifySeal(await signer.seal(content), [signer.key])).toEqual({
        valid: false,
        failure: 'malformed',
      })
    }
  })

  it.each([
    ['not base64url', 'seal!'],
    ['empty', ''],
    ['CBOR that is not a COSE_Sign1', base64Url(cbor([1, 2, 3, 4]))],
    [
      'a COSE_Sign1 with a detached payload',
      base64Url(
        cbor({
          tag: 18,
          item: [
            cbor({
              map: [
                [1, -7],
                [4, new TextEncoder().encode('seal-2026-01')],
              ],
            }),
            { map: [] },
            null,
            new Uint8Array(64),
          ],
        }),
      ),
    ],
  ])('calls a seal that is %s malformed', async (_, seal) => {
    const signer = await makeSigner()
    expect(await verifySeal(seal, [signer.key])).toEqual({ valid: false, failure: 'malformed' })
  })

  it('says so when the browser has no WebCrypto', async () => {
    const signer = await makeSigner()
    const seal = await signer.seal()
    const original = globalThis.crypto
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true })
    try {
      expect(await verifySeal(seal, [signer.key])).toEqual({
        valid: false,
        failure: 'crypto_unavailable',
      })
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true })
    }
  })

  it('builds the Sig_structure of RFC 9052 C.2.1, which verifies with its published key', async () => {
    const protectedBytes = hex('a10126')
    const payload = new TextEncoder().encode('This is the content.')
    const toBeSigned = sigStructure(protectedBytes, payload)
    expect(toHex(toBeSigned)).toBe(
      '846a5369676e61747572653143a101264054546869732069732074686520636f6e74656e742e',
    )
    // Key "11" of RFC 9052 C.7.1 and the signature of C.2.1.
    const key: PublishedKey = {
      kid: '11',
      kty: 'EC',
      crv: 'P-256',
      x: 'usWxHK2PmfnHKwXPS54m0kTcGJ90UiglWiGahtagnv8',
      y: 'IBOL-C3BttVivg-lSreASjpkttcsz-1rb7btKLv8EX4',
      status: 'current',
    }
    const publicKey = await crypto.subtle.importKey(
      'jwk',
      { kty: key.kty, crv: key.crv, x: key.x, y: key.y },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['verify'],
    )
    const signature = hex(`8eb33e4ca31d1c465ab05aac34cc6b23d58fef5c083106c4d25a91aef0b0117e
                           2af9a291aa32e14ab834dc56ed2a223444547e01f11d3b0916e5a4c345cacb36`)
    expect(
      await crypto.subtle.verify(
        { name: 'ECDSA', hash: 'SHA-256' },
        publicKey,
        signature,
        toBeSigned,
      ),
    ).toBe(true)
  })
})

describe('certificate IDs and digests', () => {
  it('normalises IDs as the server compares them', () => {
    expect(normalizeCertificateId(' 7kqf-9xma 2r4d-hvOc ')).toBe('7KQF9XMA2R4DHV0C')
    expect(normalizeCertificateId('IL1o')).toBe('1110')
  })

  it('shortens a digest to its ends', () => {
    const digest = toHex(DOCUMENT_HASH)
    expect(digest).toHaveLength(64)
    expect(shortenHex(digest)).toBe(`${digest.slice(0, 8)}…${digest.slice(-8)}`)
  })
})
