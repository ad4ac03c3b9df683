import { useTranslation } from 'react-i18next'
import { ApiError } from '@/lib/api/problem'
import { Notice } from './Notice'

interface ProblemAlertProps {
  error: unknown
  /** A short sentence saying what could not be done, e.g. "The catalogue could not be loaded". */
  context?: string
}

/** Shows an API failure: the server's `detail`, and its request id in small print for support. */
export function ProblemAlert({ error, context }: ProblemAlertProps) {
  const { t } = useTranslation()
  const problem = error instanceof ApiError ? error.problem : undefined
  const network = error instanceof ApiError && error.isNetworkError
  const detail = network ? t('errors.network') : (problem?.detail ?? t('errors.generic'))
  return (
    <Notice color="danger" role="alert">
      {context ? <p className="fw-semibold mb-1">{context}</p> : null}
      <p className="mb-0">{detail}</p>
      {problem?.request_id ? (
        <p className="mb-0 mt-2">
          <small>{t('errors.requestId', { id: problem.request_id })}</small>
        </p>
      ) : null}
    </Notice>
  )
}
