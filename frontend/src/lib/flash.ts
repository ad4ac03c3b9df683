/**
 * A one-off message for the page a navigation leads to ("password changed", "logged out"),
 * carried in the history entry's state: it is gone on the next navigation. The layout shows
 * it above the page.
 */
export const FLASH_MESSAGES = ['passwordChanged', 'passwordReset', 'loggedOut'] as const
export type FlashMessage = (typeof FLASH_MESSAGES)[number]

export function flashState(message: FlashMessage): { flash: FlashMessage } {
  return { flash: message }
}

export function flashOf(state: unknown): FlashMessage | null {
  if (typeof state !== 'object' || state === null) return null
  const value = (state as Record<string, unknown>).flash
  return (FLASH_MESSAGES as readonly unknown[]).includes(value) ? (value as FlashMessage) : null
}

/** The history state without its message (null when nothing else was in it). */
export function withoutFlash(state: unknown): unknown {
  if (typeof state !== 'object' || state === null) return state
  const rest = Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'flash'))
  return Object.keys(rest).length > 0 ? rest : null
}
