import type { Middleware } from 'openapi-fetch'
import type { SessionStore } from './store'

/** Paths that never carry the access token: they are how one gets it. */
const WITHOUT_TOKEN = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/providers',
  '/api/v1/auth/oidc/session',
])

/**
 * Attaches `Authorization: Bearer` to every call while a session is open. A token about to
 * expire is renewed first; a call refused with 401 is retried once after a renewal (or with
 * the token another call has just renewed). When the renewal fails the store ends the
 * session, and the guarded pages send the user to the login page.
 */
export function createAuthMiddleware(store: SessionStore): Middleware {
  // The untouched request of each call in flight, to send it again after a renewal:
  // the body of the one handed to fetch is consumed.
  const originals = new Map<string, { request: Request; token: string }>()

  return {
    async onRequest({ request, schemaPath, id }) {
      if (WITHOUT_TOKEN.has(schemaPath) || !store.accessToken()) return undefined
      if (store.expiresSoon()) await store.refresh()
      const token = store.accessToken()
      if (!token) return undefined
      originals.set(id, { request: request.clone(), token })
      request.headers.set('Authorization', `Bearer ${token}`)
      return request
    },

    async onResponse({ response, id, options }) {
      const original = originals.get(id)
      originals.delete(id)
      if (!original || response.status !== 401) return undefined
      if (store.accessToken() === original.token && !(await store.refresh())) return undefined
      const token = store.accessToken()
      if (!token) return undefined
      const retry = original.request
      retry.headers.set('Authorization', `Bearer ${token}`)
      return options.fetch(retry)
    },

    onError({ id }) {
      originals.delete(id)
    },
  }
}
