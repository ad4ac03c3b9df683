/**
 * A path of this application to go to after logging in, or null: only a path of this origin
 * is followed (not `//host` nor `/\host`, which browsers read as another site), and never a
 * login page itself, which would lead back here.
 */
export function safeReturnPath(path: unknown): string | null {
  if (typeof path !== 'string' || !path.startsWith('/')) return null
  if (path.startsWith('//') || path.startsWith('/\\')) return null
  return /^\/accedi(?:[/?#]|$)/.test(path) ? null : path
}

/**
 * A guarded page sends the visitor to the login with `{ from: path }` in the history state,
 * to come back after logging in. Only a path of this application is followed.
 */
export function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null
  return safeReturnPath((state as Record<string, unknown>).from)
}
