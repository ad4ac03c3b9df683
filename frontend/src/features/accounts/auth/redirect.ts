/**
 * A guarded page sends the visitor to the login with `{ from: path }` in the history state,
 * to come back after logging in. Only a path of this application is followed.
 */
export function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  const from = (state as Record<string, unknown>).from
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return null
  // Never back to the login page itself.
  return /^\/accedi(?:[/?#]|$)/.test(from) ? null : from
}
