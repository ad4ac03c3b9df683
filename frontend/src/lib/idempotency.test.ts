import { describe, expect, it } from 'vitest'
import { newIdempotencyKey } from './idempotency'

describe('idempotency keys', () => {
  it('are version 4 UUIDs, different each time, also without randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    expect(newIdempotencyKey()).toMatch(uuid)
    const original = crypto.randomUUID
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
      const a = newIdempotencyKey()
      expect(a).toMatch(uuid)
      expect(newIdempotencyKey()).not.toBe(a)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true })
    }
  })
})
