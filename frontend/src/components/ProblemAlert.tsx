import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '@/lib/api/problem'
import { Notice } from './Notice'

interface ProblemAlertProps {
  error: unknown
  /** A short sentence saying what could not be done, e.g. "The catalogue could not be loaded". */
  context?: string
  /** Danger by default; a warning suits a refusal the person can resolve (wait, go to the office). */
  color?: 'danger' | 'warning'
  /** What the person can do about it, shown after the server's explanation. */
  children?: ReactNode
}

/** Shows an API failure: the server's `detail`, and its request id in small print for support. */
export function ProblemAlert({ error, context, color = 'danger', children }: ProblemAlertProps) {
  const { t } = useTranslation()
  const problem = error instanceof ApiError ? error.problem : undefined
  const network = error instanceof ApiError && error.isNetworkError
  const detail = network ? t('errors.network') : (problem?.detail ?? t('errors.generic'))
  return (
    <Notice color={color} role="alert">
      {context ? <p className="fw-semibold mb-1">{context}</p> : null}
      <p className="mb-0">{detail}</p>
      {children}
      {problem?.request_id ? (
        <p className="mb-0 mt-2">
          <small>{t('errors.requestId', { id: problem.request_id })}</small>
        </p>
      ) : null}
    </Notice>
  )
}
