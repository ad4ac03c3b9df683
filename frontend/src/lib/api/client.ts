import createClient, { type Middleware } from 'openapi-fetch'
import { currentLanguage } from '@/i18n'
import type { paths } from './schema'

/** Every call says which language the person reads, so that the server localizes its texts. */
const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage())
    return request
  },
}

/**
 * The API client, typed by the paths generated from openapi/openapi.json.
 * Same origin: in development Vite forwards /api to the backend; in production the
 * backend serves this application. `fetch` is looked up at call time so tests can stub it.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request) => globalThis.fetch(request),
})
api.use(acceptLanguage)

/** The JSON body of a path's successful answer, e.g. `ResponseOf<'/api/v1/services', 'get'>`. */
export type ResponseOf<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch',
> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

/**
 * The JSON body a path accepts, e.g. `RequestOf<'/api/v1/me', 'patch'>`: `application/json`, or
 * `application/merge-patch+json` for PATCH (RFC 7396; the server takes both types).
 */
export type RequestOf<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } }
}
  ? T
  : paths[P][M] extends { requestBody?: { content: { 'application/merge-patch+json': infer T } } }
    ? T
    : never
