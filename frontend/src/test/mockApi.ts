import { vi } from 'vitest'
import { municipality, providers, servicesEn, servicesIt } from './fixtures'

export interface RecordedRequest {
  method: string
  path: string
  /** The query string, without '?'. */
  query: string
  language: string | null
  authorization: string | null
  body: unknown
}

type Handler = (request: Request, body: unknown) => Response | Promise<Response>

export function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } })
}

export function problem(status: number, fields: Record<string, unknown>): Response {
  return json({ type: 'about:blank', status, ...fields }, status, 'application/problem+json')
}

/**
 * Replaces fetch with an in-memory backend. The default handlers answer the municipality
 * and the catalogue (in the requested language), the login methods, and a refresh that finds no
 * session cookie; `handlers` add or override routes keyed
 * by "METHOD /path". Every request is recorded.
 */
export function mockApi(handlers: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = []
  const routes: Record<string, Handler> = {
    'GET /api/v1/municipality': () => json(municipality),
    'GET /api/v1/services': (req) =>
      json(req.headers.get('accept-language') === 'en' ? servicesEn : servicesIt),
    // No refresh cookie: the page load finds no session to restore.
    'POST /api/v1/auth/refresh': () =>
      problem(401, {
        title: 'Autenticazione richiesta',
        detail: 'La sessione è terminata: accedere di nuovo.',
        code: 'invalid_refresh_token',
      }),
    'GET /api/v1/auth/providers': () => json(providers),
    'GET /api/v1/auth/password-policy': () =>
      json({
        min_length: 8,
        max_length: 128,
        min_digits: 2,
        letters_and_digits_only: true,
        requires_letter: true,
      }),
    ...handlers,
  }
  const fetchMock = vi.fn(async (input: Request | string | URL) => {
    const request = input instanceof Request ? input : new Request(String(input))
    const url = new URL(request.url)
    const text = request.method === 'GET' ? '' : await request.clone().text()
    // A multipart upload is recorded as its text; handlers read it with request.formData().
    const multipart = request.headers.get('content-type')?.startsWith('multipart/') ?? false
    const body: unknown = text ? (multipart ? text : JSON.parse(text)) : undefined
    requests.push({
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      language: request.headers.get('accept-language'),
      authorization: request.headers.get('authorization'),
      body,
    })
    const handler =
      routes[`${request.method} ${url.pathname}${url.search}`] ??
      routes[`${request.method} ${url.pathname}`]
    if (!handler) return problem(404, { title: 'Not Found', detail: `No route ${url.pathname}` })
    return handler(request, body)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { requests, fetchMock }
}
