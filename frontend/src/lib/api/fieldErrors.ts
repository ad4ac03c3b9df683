import { ApiError } from './problem'

/**
 * The server's field errors (422 `errors[]`) grouped by field, joined when a field has
 * several (a password breaking two rules). Empty for any other failure.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {}
  const grouped: Record<string, string[]> = {}
  for (const { field, message } of error.problem.errors ?? []) {
    ;(grouped[field] ??= []).push(message)
  }
  return Object.fromEntries(Object.entries(grouped).map(([field, list]) => [field, list.join(' ')]))
}

/** The problem's stable code (`invalid_credentials`, `account_locked`, …), if any. */
export function problemCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.problem.code : undefined
}
