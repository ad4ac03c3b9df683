import { describe, expect, it } from 'vitest'
import { isEmailAddress } from './email'

describe('e-mail addresses', () => {
  it('accepts the usual forms and refuses the broken ones', () => {
    expect(isEmailAddress('anna.bianchi@example.org')).toBe(true)
    expect(isEmailAddress(' ufficio@pec.comune.example.it ')).toBe(true)
    expect(isEmailAddress('anna.bianchi')).toBe(false)
    expect(isEmailAddress('anna@example')).toBe(false)
    expect(isEmailAddress('anna bianchi@example.org')).toBe(false)
  })
})
