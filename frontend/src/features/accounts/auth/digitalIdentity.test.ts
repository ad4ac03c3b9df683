import { describe, expect, it } from 'vitest'
import {
  displayableCode,
  failureKind,
  loginUrl,
  providerLogo,
  providersOfKind,
  readArrival,
  seededRandom,
  shuffled,
} from './digitalIdentity'
import { safeReturnPath } from './redirect'

describe('SPID/CIE login helpers', () => {
  it('adds the page to come back to to the start address', () => {
    expect(loginUrl('/api/v1/auth/oidc/poste/start', '/')).toBe(
      '/api/v1/auth/oidc/poste/start?return_to=%2F',
    )
    expect(loginUrl('/start?x=1', '/pratiche?stato=aperta&p=2')).toBe(
      '/start?x=1&return_to=%2Fpratiche%3Fstato%3Daperta%26p%3D2',
    )
  })

  it('keeps the providers of a kind that can be started', () => {
    const listed = [
      { id: 'password', name: 'Password', kind: 'password', start_url: null },
      { id: 'a', name: 'A', kind: 'spid', start_url: '/a' },
      { id: 'b', name: 'B', kind: 'spid', start_url: null },
      { id: 'c', name: 'C', kind: 'cie', start_url: '/c' },
    ]
    expect(providersOfKind(listed, 'spid').map((p) => p.id)).toEqual(['a'])
    expect(providersOfKind(listed, 'cie').map((p) => p.id)).toEqual(['c'])
  })

  it("uses a provider's logo only when it is a path of the portal", () => {
    expect(providerLogo('/loghi/spid/spid-idp-posteid.svg')).toBe(
      '/loghi/spid/spid-idp-posteid.svg',
    )
    expect(providerLogo(null)).toBeNull()
    expect(providerLogo('')).toBeNull()
    expect(providerLogo('https://cdn.example/logo.svg')).toBeNull()
    expect(providerLogo('//cdn.example/logo.svg')).toBeNull()
    expect(providerLogo('logo.svg')).toBeNull()
  })

  it('reads the ticket and the return path from the fragment', () => {
    expect(readArrival('#ticket=abc%2B1&ritorno=%2Fcertificati')).toEqual({
      ticket: 'abc+1',
      returnTo: '/certificati',
    })
    expect(readArrival('#ticket=abc')).toEqual({ ticket: 'abc', returnTo: null })
    expect(readArrival('')).toBeNull()
    expect(readArrival('#ritorno=%2F')).toBeNull()
  })

  it('follows only paths of the portal, never back to the login', () => {
    expect(safeReturnPath('/certificati?x=1')).toBe('/certificati?x=1')
    expect(safeReturnPath('/')).toBe('/')
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'x', '']) {
      expect(safeReturnPath(bad)).toBeNull()
    }
    expect(safeReturnPath('/accedi')).toBeNull()
    expect(safeReturnPath('/accedi/esito')).toBeNull()
    expect(safeReturnPath(null)).toBeNull()
  })

  it('groups the failure codes, and any other code is generic', () => {
    expect(failureKind('login_cancelled')).toBe('cancelled')
    expect(failureKind('nonce_mismatch')).toBe('unverified')
    expect(failureKind('fiscal_number_invalid')).toBe('fiscalNumber')
    expect(failureKind('level_insufficient')).toBe('level')
    expect(failureKind('toString')).toBe('generic')
    expect(failureKind('')).toBe('generic')
    expect(displayableCode('id_token_expired')).toBe('id_token_expired')
    expect(displayableCode('<script>')).toBeNull()
  })

  it('shuffles the same way for the same seed, losing nothing', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const once = shuffled(ids, seededRandom(0.42))
    expect(shuffled(ids, seededRandom(0.42))).toEqual(once)
    expect([...once].sort()).toEqual(ids)
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => shuffled(ids, seededRandom(i / 20)).join('')),
    )
    expect(orders.size).toBeGreaterThan(1)
  })
})
