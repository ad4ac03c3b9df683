/**
 * A guarded page sends the visitor to the login with `{ from: path }` in the history state,
 * to come back after logging in. Only a path of this application is followed.
 */
export function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const from = (state as Record<string, unknown>).from
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : null
}
