import { useSyncExternalStore } from 'react'
import { session } from './session'
import type { SessionSnapshot } from './store'

/** The current session; re-renders when it starts, is renewed or ends. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot)
}
