import { describe, expect, it, vi } from 'vitest'

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
