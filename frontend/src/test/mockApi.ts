import { vi } from 'vitest'
import { municipality, servicesEn, servicesIt } from './fixtures'

export interface RecordedRequest {
  method: string
  path: string
  language: string | null
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
 * and the catalogue (in the requested language); `handlers` add or override routes keyed
 * by "METHOD /path". Every request is recorded.
 */
export function mockApi(handlers: Record<string, Handler> = {}) {
  const requests: RecordedRequest[] = []
  const routes: Record<string, Handler> = {
    'GET /api/v1/municipality': () => json(municipality),
    'GET /api/v1/services': (req) =>
      json(req.headers.get('accept-language') === 'en' ? servicesEn : servicesIt),
    ...handlers,
  }
  const fetchMock = vi.fn(async (input: Request | string | URL) => {
    const request = input instanceof Request ? input : new Request(String(input))
    const url = new URL(request.url)
    const text = request.method === 'GET' ? '' : await request.clone().text()
    const body: unknown = text ? JSON.parse(text) : undefined
    requests.push({
      method: request.method,
      path: url.pathname,
      language: request.headers.get('accept-language'),
      body,
    })
    const handler = routes[`${request.method} ${url.pathname}`]
    if (!handler) return problem(404, { title: 'Not Found', detail: `No route ${url.pathname}` })
    return handler(request, body)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { requests, fetchMock }
}
