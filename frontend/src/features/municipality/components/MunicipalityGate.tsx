import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { type Municipality, useMunicipality } from '../api/useMunicipality'

interface MunicipalityGateProps {
  children: (municipality: Municipality) => ReactNode
}

/** Renders its children once the municipality is known; shows progress or the problem before. */
export function MunicipalityGate({ children }: MunicipalityGateProps) {
  const { t } = useTranslation()
  const query = useMunicipality()
  if (query.data) return <>{children(query.data)}</>
  if (query.isError)
    return <ProblemAlert error={query.error} context={t('municipality.loadError')} />
  return <Loading label={t('municipality.loading')} />
}
