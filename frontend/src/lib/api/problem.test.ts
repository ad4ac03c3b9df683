import { describe, expect, it } from 'vitest'
import { ApiError, toProblem, unwrap } from './problem'

describe('problem details', () => {
  it('keeps the known fields and drops malformed field errors', () => {
    const problem = toProblem({
      type: 'urn:problem-type:portale:validation_failed',
      title: 'Dati non validi',
      status: 422,
      detail: 'Controllare i campi.',
      code: 'validation_failed',
      request_id: 'abc',
      errors: [{ field: 'fiscal_code', message: 'Campo obbligatorio.' }, { field: 3 }],
    })
    expect(problem).toEqual({
      type: 'urn:problem-type:portale:validation_failed',
      title: 'Dati non validi',
      status: 422,
      detail: 'Controllare i campi.',
      code: 'validation_failed',
      request_id: 'abc',
      errors: [{ field: 'fiscal_code', message: 'Campo obbligatorio.' }],
    })
  })

  it('falls back to the status and the X-Request-Id header for a body that is not a problem', () => {
    const response = new Response('<html>Bad Gateway</html>', {
      status: 502,
      headers: { 'x-request-id': 'from-header' },
    })
    expect(toProblem('<html>Bad Gateway</html>', response)).toMatchObject({
      status: 502,
      request_id: 'from-header',
      detail: undefined,
    })
  })

  it('turns a failed fetch into a network ApiError', async () => {
    const error = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).isNetworkError).toBe(true)
  })

  it('turns an error answer into an ApiError with its problem', async () => {
    const response = new Response(null, { status: 404 })
    const error = await unwrap(
      Promise.resolve({ error: { detail: 'Non trovato.', request_id: 'r1' }, response }),
    ).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(404)
    expect((error as ApiError).problem.detail).toBe('Non trovato.')
    expect((error as ApiError).message).toBe('Non trovato.')
  })
})
