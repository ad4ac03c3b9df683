import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import type { ChainVerdict } from '../api/useVerifyChain'

/** The verification's verdict: intact (with the anchor to keep elsewhere), or where it breaks. */
export function ChainVerdictNotice({ verdict }: { verdict: ChainVerdict }) {
  const { t } = useTranslation()
  if (verdict.intact) {
    return (
      <Notice color="success">
        <p className="fw-semibold mb-1">{t('admin.audit.intact', { count: verdict.checked })}</p>
        {verdict.head_id != null && verdict.head_hash ? (
          <>
            <p className="mb-1">
              {t('admin.audit.head', { id: verdict.head_id })}{' '}
              <code className="identifier">{verdict.head_hash}</code>
            </p>
            <p className="mb-0">{t('admin.audit.anchorAdvice')}</p>
          </>
        ) : null}
      </Notice>
    )
  }
  return (
    <Notice color="danger">
      <p className="fw-semibold mb-1">
        {verdict.first_broken_id != null
          ? t('admin.audit.brokenAt', { id: verdict.first_broken_id })
          : t('admin.audit.broken')}
      </p>
      {verdict.problem ? (
        <p className="mb-1">{t(`admin.audit.problems.${verdict.problem}`)}</p>
      ) : null}
      <p className="mb-1">{t('admin.audit.checkedBefore', { count: verdict.checked })}</p>
      <p className="mb-0">{t('admin.audit.brokenAdvice')}</p>
    </Notice>
  )
}
