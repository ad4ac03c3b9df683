import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { session, useSession } from '@/lib/session'

/**
 * Restores the session from the refresh cookie when the page loads, and drops every cached
 * answer that belongs to a user (query keys under 'session') once the session ends.
 */
export function useSessionLifecycle() {
  const queryClient = useQueryClient()
  const { status } = useSession()
  useEffect(() => {
    void session.restore()
  }, [])
  useEffect(() => {
    if (status === 'anonymous') queryClient.removeQueries({ queryKey: ['session'] })
  }, [status, queryClient])
}
