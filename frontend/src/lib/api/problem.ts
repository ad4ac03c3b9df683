/**
 * Errors from the API are RFC 9457 problem details (application/problem+json).
 * The shape is read defensively: a proxy or a crash may answer with anything.
 */
export interface FieldProblem {
  field: string
  message: string
}

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  request_id?: string
  errors?: FieldProblem[]
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }

  /** True when the request never got an answer (offline, DNS, refused connection). */
  get isNetworkError(): boolean {
    return this.status === 0
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

export function toProblem(body: unknown, response?: Response): Problem {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const errors = Array.isArray(raw.errors)
    ? raw.errors.flatMap((e: unknown) => {
        const item = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>
        const field = text(item.field)
        const message = text(item.message)
        return field && message ? [{ field, message }] : []
      })
    : undefined
  return {
    type: text(raw.type),
    title: text(raw.title),
    status: typeof raw.status === 'number' ? raw.status : response?.status,
    detail: text(raw.detail),
    code: text(raw.code),
    request_id: text(raw.request_id) ?? text(response?.headers.get('x-request-id')),
    errors,
  }
}

interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the
 * problem details (status 0 when the network failed before any answer).
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, {})
  }
  const { data, error, response } = result
  if (!response.ok || error !== undefined) {
    throw new ApiError(response.status, toProblem(error, response))
  }
  return data as T
}
