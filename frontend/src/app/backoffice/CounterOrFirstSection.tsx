import { Navigate } from 'react-router'
import { BackOfficePage } from '@/features/accounts'
import { hasPermission, PERMISSIONS, useSession } from '@/lib/session'
import { RequirePermission } from '../guards'
import { sectionsFor } from './sections'

/**
 * /backoffice is the counter identification. Staff who may not identify people but may
 * open another section (an auditor, say) are taken there instead of being refused.
 */
export function CounterOrFirstSection() {
  const { user } = useSession()
  const first = sectionsFor(user)[0]
  if (!hasPermission(user, PERMISSIONS.identifyAccounts) && first) {
    return <Navigate to={first.path} replace />
  }
  return (
    <RequirePermission permission={PERMISSIONS.identifyAccounts}>
      <BackOfficePage />
    </RequirePermission>
  )
}
