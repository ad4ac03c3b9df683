import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Spinner } from 'design-react-kit'
import { ApiError } from '@/lib/api/problem'
import { formatDate } from '@/lib/format'
import { formatInstant, type Verdict, verdictTone } from '../verdict'
import '../verdict.scss'

/** What the server said about a failed request (as ProblemAlert says it), and its request id. */
function FailureDetail({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const problem = error instanceof ApiError ? error.problem : undefined
  const network = error instanceof ApiError && error.isNetworkError
  return (
    <>
      <p className="mb-0">
        {network ? t('errors.network') : (problem?.detail ?? t('errors.generic'))}
      </p>
      {problem?.request_id ? (
        <p className="mb-0 mt-2">
          <small>{t('errors.requestId', { id: problem.request_id })}</small>
        </p>
      ) : null}
    </>
  )
}

function VerdictText({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation()
  const day = (value: string) => formatDate(value, i18n.language)
  switch (verdict.kind) {
    case 'checking': {
      const text = t(`verification.verdict.checking.${verdict.step}`)
      return (
        <p className="mb-0 d-flex align-items-center gap-3">
          <Spinner active small label={text} />
          <span aria-hidden="true">{text}</span>
        </p>
      )
    }
    case 'valid':
      return (
        <>
          <p className="mb-0">
            {t('verification.verdict.valid.text', { date: day(verdict.validUntil) })}
          </p>
          {verdict.sealChecked ? (
            <p className="mb-0 mt-2">{t('verification.verdict.valid.seal')}</p>
          ) : null}
        </>
      )
    case 'expired':
      return (
        <p className="mb-0">
          {t('verification.verdict.expired.text', { date: day(verdict.validUntil) })}
        </p>
      )
    case 'revoked':
      return (
        <>
          <p className="mb-0">
            {verdict.revokedAt
              ? t('verification.verdict.revoked.text', {
                  date: formatInstant(verdict.revokedAt, i18n.language),
                })
              : t('verification.verdict.revoked.textUndated')}
          </p>
          {/* The reason is not public: only that it exists and who holds it. */}
          <p className="mb-0 mt-2">{t('verification.verdict.revoked.reason')}</p>
        </>
      )
    case 'badSeal':
      return (
        <>
          <p className="mb-0">{t('verification.verdict.badSeal.text')}</p>
          <p className="mb-0 mt-2">{t(`verification.seal.failures.${verdict.failure}`)}</p>
        </>
      )
    case 'notFound':
      return (
        <p className="mb-0">
          {t(
            verdict.fromSeal
              ? 'verification.verdict.notFound.fromSeal'
              : 'verification.verdict.notFound.text',
          )}
        </p>
      )
    case 'incomplete':
      return (
        <>
          <p className="mb-1">{t(`verification.verdict.incomplete.${verdict.reason}`)}</p>
          {verdict.error !== undefined ? <FailureDetail error={verdict.error} /> : null}
        </>
      )
    default:
      return <p className="mb-0">{t(`verification.verdict.${verdict.kind}.text`)}</p>
  }
}

interface VerdictPanelProps {
  verdict: Verdict
  /**
   * Given, the verdict takes the focus once it is reached, once per key: on the form page
   * the answer appears below the form, out of sight on a phone. A later change of the same
   * answer (another language asked again) leaves the focus where the person is.
   */
  focusKey?: number
}

/**
 * The verdict on the certificate as a whole, first on the page and in its own colour:
 * green only for a valid certificate, red for one that must not be trusted, blue while
 * it is being checked.
 */
export function VerdictPanel({ verdict, focusKey }: VerdictPanelProps) {
  const { t } = useTranslation()
  const title = useRef<HTMLHeadingElement>(null)
  const focusedFor = useRef<number | undefined>(undefined)
  const tone = verdictTone(verdict)
  const reached = verdict.kind !== 'checking'
  useEffect(() => {
    if (focusKey === undefined || !reached || focusedFor.current === focusKey) return
    focusedFor.current = focusKey
    title.current?.focus()
  }, [focusKey, reached])
  // A verdict not to trust interrupts; a valid one or a check under way is announced politely.
  const role = tone === 'danger' || tone === 'warning' ? 'alert' : 'status'
  return (
    <section aria-label={t('verification.verdict.label')} className="verification-verdict">
      <div className={`alert alert-${tone} mb-0`} role={role}>
        <h2 ref={title} tabIndex={-1} className="verification-verdict-title">
          {t(`verification.verdict.${verdict.kind}.title`)}
        </h2>
        <VerdictText verdict={verdict} />
      </div>
    </section>
  )
}
