import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { issued, operatorClaims } from '@/test/session'
import { readAccessToken } from './accessToken'
import { createSessionStore, type IssuedSession, type SessionTransport } from './store'

function transport(outcomes: Array<IssuedSession | 'rejected' | Error>) {
  const calls = { refresh: 0, logout: 0 }
  const t: SessionTransport = {
    refresh: vi.fn(async () => {
      calls.refresh++
      const next = outcomes.shift() ?? 'rejected'
      if (next instanceof Error) throw next
      return next
    }),
    logout: vi.fn(async () => {
      calls.logout++
    }),
  }
  return { t, calls }
}

describe('access token payload', () => {
  it('reads role, permissions, label and the forced change; drops the code from the name', () => {
    const user = readAccessToken(
      issued({ ...operatorClaims, label: 'Rossi Mario (RSSMRA85T10H501O)', mcp: true })
        .access_token,
    )
    expect(user).toMatchObject({
      id: 'acc-operator',
      role: 'operator',
      displayName: 'Rossi Mario',
      permissions: ['accounts.identify', 'audit.read', 'registry.read'],
      mustChangePassword: true,
    })
  })

  it('refuses what is not a token', () => {
    expect(readAccessToken('nonsense')).toBeNull()
    expect(readAccessToken('a.b.c')).toBeNull()
  })
})

describe('session store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('restores the session from the cookie once, however often it is asked', async () => {
    const { t, calls } = transport([issued()])
    const store = createSessionStore({ transport: t })
    expect(store.getSnapshot().status).toBe('restoring')
    await Promise.all([store.restore(), store.restore()])
    expect(calls.refresh).toBe(1)
    expect(store.getSnapshot().status).toBe('authenticated')
    expect(store.accessToken()).toMatch(/\./)
  })

  it('is anonymous, without saying "expired", when there is no cookie', async () => {
    const { t } = transport(['rejected'])
    const store = createSessionStore({ transport: t })
    await store.restore()
    expect(store.getSnapshot()).toEqual({ status: 'anonymous', user: null, ended: null })
  })

  it('renews the token before it expires, and ends the session when renewal is refused', async () => {
    const { t, calls } = transport([issued(), 'rejected'])
    const store = createSessionStore({ transport: t, renewBefore: 60_000 })
    store.start(issued())
    await vi.advanceTimersByTimeAsync(839_000)
    expect(calls.refresh).toBe(0)
    await vi.advanceTimersByTimeAsync(2_000)
    expect(calls.refresh).toBe(1)
    expect(store.getSnapshot().status).toBe('authenticated')
    await vi.advanceTimersByTimeAsync(841_000)
    expect(calls.refresh).toBe(2)
    expect(store.getSnapshot()).toMatchObject({ status: 'anonymous', ended: 'expired' })
  })

  it('shares one renewal between concurrent callers', async () => {
    const { t, calls } = transport([issued()])
    const store = createSessionStore({ transport: t })
    store.start(issued())
    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()])
    expect(results).toEqual([true, true, true])
    expect(calls.refresh).toBe(1)
  })

  it('keeps the session and tries again later when the server cannot be reached', async () => {
    const { t, calls } = transport([new Error('offline'), issued()])
    const store = createSessionStore({ transport: t, retryAfterNetworkFailure: 30_000 })
    store.start(issued())
    expect(await store.refresh()).toBe(false)
    expect(store.getSnapshot().status).toBe('authenticated')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(calls.refresh).toBe(2)
  })

  it('logs out on the server, then here, and tells the other tabs', async () => {
    const { t, calls } = transport([])
    const posted: unknown[] = []
    const store = createSessionStore({
      transport: t,
      channel: {
        postMessage: (m: unknown) => posted.push(m),
        addEventListener: () => undefined,
        close: () => undefined,
      },
    })
    store.start(issued())
    await store.logout()
    expect(calls.logout).toBe(1)
    expect(store.getSnapshot()).toEqual({ status: 'anonymous', user: null, ended: 'logged_out' })
    expect(store.accessToken()).toBeNull()
    expect(posted).toEqual(['logged_out'])
  })

  it('ends the session when another tab logs out', () => {
    const { t } = transport([])
    let deliver: ((event: MessageEvent) => void) | undefined
    const store = createSessionStore({
      transport: t,
      channel: {
        postMessage: () => undefined,
        addEventListener: (_type: string, listener: unknown) => {
          deliver = listener as (event: MessageEvent) => void
        },
        close: () => undefined,
      } as never,
    })
    store.start(issued())
    deliver?.(new MessageEvent('message', { data: 'logged_out' }))
    expect(store.getSnapshot()).toMatchObject({
      status: 'anonymous',
      ended: 'logged_out_elsewhere',
    })
  })
})

describe('session cookie hint', () => {
  it('asks the server nothing on page load when no session was opened in this browser', async () => {
    let present = false
    const { t, calls } = transport([issued()])
    const cookieHint = { get: () => present, set: (p: boolean) => void (present = p) }
    const store = createSessionStore({ transport: t, cookieHint })
    await store.restore()
    expect(calls.refresh).toBe(0)
    expect(store.getSnapshot().status).toBe('anonymous')

    store.start(issued())
    expect(present).toBe(true)
    await store.logout()
    expect(present).toBe(false)
  })
})
