import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Practice } from '../api/types'
import { useDownloadReceipt } from '../api/useFiles'

/** "Scarica ricevuta": the receipt PDF, fetched with the session's token. */
export function ReceiptButton({ practice }: { practice: Practice }) {
  const { t } = useTranslation()
  const download = useDownloadReceipt()
  if (!practice.receipt_url) return null
  return (
    <>
      <Button
        color="primary"
        outline
        type="button"
        disabled={download.isPending}
        onClick={() => download.mutate(practice)}
      >
        {t('practices.receipt.download')}
      </Button>
      <span className="visually-hidden" role="status">
        {download.isSuccess ? t('practices.receipt.downloaded', { file: download.data }) : ''}
      </span>
      {download.isError ? (
        <div className="w-100">
          <ProblemAlert error={download.error} context={t('practices.receipt.failed')} />
        </div>
      ) : null}
    </>
  )
}
