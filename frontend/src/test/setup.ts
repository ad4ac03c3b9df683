import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import { setLanguage } from '@/i18n'
import { session } from '@/lib/session'

// jsdom does not implement scrolling; the layout scrolls to the top after navigation.
window.scrollTo = vi.fn() as unknown as typeof window.scrollTo

beforeEach(async () => {
  localStorage.clear()
  await setLanguage('it')
})

afterEach(() => {
  cleanup()
  session.reset()
  vi.unstubAllGlobals()
})
