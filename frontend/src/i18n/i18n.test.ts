import { describe, expect, it, vi } from 'vitest'
import english from './en.json'
import italian from './it.json'

/** Every text's dotted key, sorted. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix]
  return Object.entries(value)
    .flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
    .sort()
}

describe('language choice', () => {
  it('is restored from the previous visit before the first render', async () => {
    localStorage.setItem('portale.lang', 'en')
    vi.resetModules()
    const fresh = await import('./index')
    await fresh.i18nReady
    expect(fresh.currentLanguage()).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(fresh.default.t('nav.contacts')).toBe('Contacts')
  })

  it('ignores a stored value that is not a supported language', async () => {
    localStorage.setItem('portale.lang', 'xx')
    vi.resetModules()
    const fresh = await import('./index')
    await fresh.i18nReady
    expect(fresh.currentLanguage()).toBe('it')
    expect(document.documentElement.lang).toBe('it')
  })
})

describe('translations', () => {
  it('have the same keys in Italian and English', () => {
    expect(keysOf(english)).toEqual(keysOf(italian))
  })
})
