import { describe, expect, it } from 'vitest'
import { parseVerificationLink, verificationPath } from './qrLink'

describe('verification links read from a QR code', () => {
  it('takes the ID and the seal of a certificate QR', () => {
    const link = parseVerificationLink(
      'https://servizi.comune.valdoria.example/verifica/7KQF-9XMA-2R4D-HV0C#0oRDoQEm',
    )
    expect(link).toEqual({ id: '7KQF-9XMA-2R4D-HV0C', seal: '0oRDoQEm' })
    expect(verificationPath(link!)).toBe('/verifica/7KQF-9XMA-2R4D-HV0C#0oRDoQEm')
  })

  it('accepts a portal published under a sub-path, and a link without a seal', () => {
    expect(parseVerificationLink('http://example.org/portale/verifica/7KQF9XMA2R4DHV0C')).toEqual({
      id: '7KQF9XMA2R4DHV0C',
      seal: '',
    })
  })

  it.each([
    'just some text',
    '7KQF-9XMA-2R4D-HV0C',
    'https://example.org/altro/7KQF-9XMA-2R4D-HV0C#x',
    'https://example.org/verifica/',
    'javascript:alert(1)//verifica/7KQF-9XMA-2R4D-HV0C',
    'https://example.org/verifica/..%2Fadmin',
  ])('ignores %s', (text) => {
    expect(parseVerificationLink(text)).toBeNull()
  })
})
