import { api } from '@/lib/api/client'
import { createAuthMiddleware } from './middleware'
import { createSessionStore, type SessionStore } from './store'

function crossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks
  if (!locks) return task()
  return locks.request('portale-session-refresh', task) as Promise<T>
}

const COOKIE_HINT_KEY = 'portale.session'

/** A flag in localStorage saying a refresh cookie was issued (never a token). */
const cookieHint = {
  get(): boolean {
    try {
      return globalThis.localStorage?.getItem(COOKIE_HINT_KEY) === '1'
    } catch {
      return true
    }
  },
  set(present: boolean) {
    try {
      if (present) globalThis.localStorage?.setItem(COOKIE_HINT_KEY, '1')
      else globalThis.localStorage?.removeItem(COOKIE_HINT_KEY)
    } catch {
      // Storage unavailable: the next page load asks the server, which is only slower.
    }
  },
}

function openChannel(): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('portale-session')
  } catch {
    return null
  }
}

/**
 * The application's session. The access token lives in this module's memory only (never
 * in storage); the refresh token is an HttpOnly cookie the script cannot read, sent by the
 * browser to /api/v1/auth only.
 */
export const session: SessionStore = createSessionStore({
  transport: {
    async refresh() {
      const { data, response } = await api.POST('/api/v1/auth/refresh', { body: {} })
      if (data) return data
      if (response.status === 401 || response.status === 403) return 'rejected'
      throw new Error(`refresh failed with HTTP ${response.status}`)
    },
    async logout() {
      await api.POST('/api/v1/auth/logout', { body: {} })
    },
  },
  exclusive: crossTabLock,
  cookieHint,
  channel: openChannel(),
})

api.use(createAuthMiddleware(session))
