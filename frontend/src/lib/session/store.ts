import type { components } from '@/lib/api/schema'
import { readAccessToken, type SessionUser } from './accessToken'

/** The answer of login, refresh and password change. */
export type IssuedSession = components['schemas']['LoginResponse']

export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated'

/** Why the last session ended: the login page says so. */
export type SessionEnd = 'logged_out' | 'logged_out_elsewhere' | 'expired'

export interface SessionSnapshot {
  status: SessionStatus
  user: SessionUser | null
  ended: SessionEnd | null
}

/** How the store talks to the server; the application passes the API client's calls. */
export interface SessionTransport {
  /**
   * POST /auth/refresh with the HttpOnly cookie: the new session, or 'rejected' when the
   * cookie is missing, expired or revoked. Throws when the server could not be reached.
   */
  refresh(): Promise<IssuedSession | 'rejected'>
  /** POST /auth/logout with the current access token. */
  logout(): Promise<void>
}

export interface SessionStoreOptions {
  transport: SessionTransport
  /** How long before the access token expires it is renewed (ms). */
  renewBefore?: number
  /** How long to wait before trying again after a renewal failed for lack of network (ms). */
  retryAfterNetworkFailure?: number
  now?: () => number
  /**
   * Runs one renewal at a time across the browser's tabs: a refresh token works once, and
   * two tabs presenting the same cookie together would look like a stolen token.
   */
  exclusive?: <T>(task: () => Promise<T>) => Promise<T>
  /**
   * Whether this browser may hold a refresh cookie. The cookie is HttpOnly, out of the
   * script's sight; without this hint every page load of a visitor would ask the server
   * for a refresh and get a 401. A hint only: it holds no token.
   */
  cookieHint?: { get(): boolean; set(present: boolean): void }
  /** Tells the other tabs about a logout, and hears theirs. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener' | 'close'> | null
}

export interface SessionStore {
  getSnapshot(): SessionSnapshot
  subscribe(listener: () => void): () => void
  /** The access token, kept in memory only. */
  accessToken(): string | null
  /** True when the access token is about to expire (a call would be refused). */
  expiresSoon(): boolean
  /** Starts the session the server issued (login, refresh, password change). */
  start(issued: IssuedSession): SessionUser | null
  /** Renews the access token with the refresh cookie; one renewal at a time. */
  refresh(): Promise<boolean>
  /** On page load: restores the session from the refresh cookie, once. */
  restore(): Promise<void>
  /** Ends the session on the server, then here and in the other tabs. */
  logout(): Promise<void>
  /** Forgets the session here without calling the server. */
  end(reason: SessionEnd | null): void
  /** Back to the state of a fresh page load (tests). */
  reset(): void
}

const INITIAL: SessionSnapshot = { status: 'restoring', user: null, ended: null }
const MAX_TIMEOUT = 2_147_483_647

export function createSessionStore(options: SessionStoreOptions): SessionStore {
  const {
    transport,
    renewBefore = 60_000,
    retryAfterNetworkFailure = 30_000,
    now = () => Date.now(),
    exclusive = (task) => task(),
    cookieHint = { get: () => true, set: () => undefined },
    channel = null,
  } = options

  let snapshot: SessionSnapshot = INITIAL
  let token: string | null = null
  let renewal: Promise<boolean> | null = null
  let restoration: Promise<void> | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  const listeners = new Set<() => void>()

  function publish(next: SessionSnapshot) {
    snapshot = next
    for (const listener of listeners) listener()
  }

  function schedule(delay: number) {
    clearTimeout(timer)
    timer = setTimeout(
      () => {
        timer = undefined
        if (token) void store.refresh()
      },
      Math.min(Math.max(delay, 1_000), MAX_TIMEOUT),
    )
  }

  function end(reason: SessionEnd | null) {
    clearTimeout(timer)
    timer = undefined
    token = null
    cookieHint.set(false)
    publish({ status: 'anonymous', user: null, ended: reason })
  }

  channel?.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data
    if (data === 'logged_out' && snapshot.status === 'authenticated') end('logged_out_elsewhere')
  })

  const store: SessionStore = {
    getSnapshot: () => snapshot,

    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    accessToken: () => token,

    expiresSoon() {
      const user = snapshot.user
      return user !== null && user.expiresAt - now() < 10_000
    },

    start(issued) {
      const claims = readAccessToken(issued.access_token)
      if (!claims) {
        end('expired')
        return null
      }
      // The server's lifetime, counted on this clock: the two clocks may differ.
      const expiresAt = now() + issued.expires_in * 1000
      const user: SessionUser = {
        ...claims,
        mustChangePassword: issued.must_change_password || claims.mustChangePassword,
        expiresAt,
      }
      token = issued.access_token
      cookieHint.set(true)
      schedule(expiresAt - now() - renewBefore)
      publish({ status: 'authenticated', user, ended: null })
      return user
    },

    refresh() {
      renewal ??= exclusive(async () => {
        let outcome: IssuedSession | 'rejected'
        try {
          outcome = await transport.refresh()
        } catch {
          // No answer: keep what we have and try again later, while the token lasts.
          if (snapshot.user && snapshot.user.expiresAt > now()) schedule(retryAfterNetworkFailure)
          return false
        }
        if (outcome === 'rejected') {
          end(snapshot.status === 'authenticated' ? 'expired' : null)
          return false
        }
        return store.start(outcome) !== null
      }).finally(() => {
        renewal = null
      })
      return renewal
    },

    restore() {
      if (!restoration && !cookieHint.get()) {
        restoration = Promise.resolve()
        if (snapshot.status === 'restoring')
          publish({ status: 'anonymous', user: null, ended: null })
      }
      restoration ??= store.refresh().then(() => {
        if (snapshot.status === 'restoring')
          publish({ status: 'anonymous', user: null, ended: null })
      })
      return restoration
    },

    async logout() {
      if (token) {
        try {
          await transport.logout()
        } catch {
          // Unreachable server: the session still ends here; the cookie expires on its own.
        }
      }
      end('logged_out')
      channel?.postMessage('logged_out')
    },

    end,

    reset() {
      clearTimeout(timer)
      timer = undefined
      token = null
      renewal = null
      restoration = null
      publish(INITIAL)
    },
  }
  return store
}
