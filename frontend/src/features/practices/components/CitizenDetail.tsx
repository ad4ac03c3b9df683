import { Button } from 'design-react-kit'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextAreaField } from '@/components/TextAreaField'
import { ApiError } from '@/lib/api/problem'
import { newIdempotencyKey } from '@/lib/idempotency'
import type { Practice, PracticeType } from '../api/types'
import { useCancelPractice, useSubmitPractice } from '../api/usePracticeMutations'
import { toForm } from '../model'
import { AttachmentsPanel } from './AttachmentsPanel'
import { DeclarationSummary } from './DeclarationSummary'
import { HistoryTable } from './HistoryTable'
import { PracticeFacts } from './PracticeFacts'
import { ReceiptButton } from './ReceiptButton'

/** The office asked for more: the message, "Allega" per document, an optional note, "Invia integrazione". */
function IntegrationPanel({ practice, type }: { practice: Practice; type: PracticeType }) {
  const { t } = useTranslation()
  const submit = useSubmitPractice()
  const [note, setNote] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)
  const send = () =>
    submit.mutate(
      { id: practice.id, note: note.trim() || undefined, idempotencyKey: key },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500)
            setKey(newIdempotencyKey())
        },
      },
    )
  return (
    <section aria-labelledby="integrazione" className="integration-panel mb-5">
      <h2 className="h3" id="integrazione">
        {t('practices.integration.title')}
      </h2>
      <Notice color="warning">
        <p className="fw-semibold mb-1">{t('practices.integration.officeSays')}</p>
        <p className="mb-0 integration-message">{practice.integration_request}</p>
      </Notice>
      <p>{t('practices.integration.lead')}</p>
      <AttachmentsPanel
        practice={practice}
        documents={type.documents}
        editable
        headingLevel={3}
        maxBytes={type.max_attachment_bytes}
        maxFiles={type.max_attachments}
      />
      <TextAreaField
        id="integrazione-nota"
        label={t('practices.integration.note')}
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      {submit.isError ? (
        <ProblemAlert error={submit.error} context={t('practices.integration.failed')} />
      ) : null}
      <Button color="primary" type="button" disabled={submit.isPending} onClick={send}>
        {t('practices.integration.send')}
      </Button>
    </section>
  )
}

/** "Ritira la dichiarazione", after a confirmation. */
function WithdrawButton({ practice }: { practice: Practice }) {
  const { t } = useTranslation()
  const cancel = useCancelPractice()
  const [asking, setAsking] = useState(false)
  const titleRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (asking) titleRef.current?.focus()
  }, [asking])
  if (!asking)
    return (
      <Button color="danger" outline type="button" onClick={() => setAsking(true)}>
        {t('practices.withdraw.button')}
      </Button>
    )
  return (
    <section className="alert alert-warning w-100" aria-labelledby="ritiro-titolo">
      <h2 className="h5" id="ritiro-titolo" tabIndex={-1} ref={titleRef}>
        {t('practices.withdraw.title')}
      </h2>
      <p>{t('practices.withdraw.text')}</p>
      {cancel.isError ? (
        <ProblemAlert error={cancel.error} context={t('practices.withdraw.failed')} />
      ) : null}
      <div className="d-flex flex-wrap gap-3">
        <Button
          color="danger"
          type="button"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(practice.id, { onSuccess: () => setAsking(false) })}
        >
          {t('practices.withdraw.confirm')}
        </Button>
        <Button color="secondary" outline type="button" onClick={() => setAsking(false)}>
          {t('practices.withdraw.keep')}
        </Button>
      </div>
    </section>
  )
}

/**
 * "Stato richieste", one practice: where it stands, the deadlines, what the office asked,
 * the receipt, the history, the files and everything declared.
 */
export function CitizenDetail({
  practice,
  type,
  receiptShown = false,
}: {
  practice: Practice
  type: PracticeType
  /** The outcome notice above already offers the receipt. */
  receiptShown?: boolean
}) {
  const { t } = useTranslation()
  const integration =
    practice.state === 'integration_requested' && practice.actions.includes('submit')
  return (
    <>
      <PracticeFacts practice={practice} />
      <div className="d-flex flex-wrap gap-3 mb-5">
        {receiptShown ? null : <ReceiptButton practice={practice} />}
        {practice.actions.includes('cancel') ? <WithdrawButton practice={practice} /> : null}
      </div>
      {integration ? <IntegrationPanel practice={practice} type={type} /> : null}
      <section aria-labelledby="storico" className="mb-5">
        <h2 className="h3" id="storico">
          {t('practices.history.title')}
        </h2>
        <HistoryTable practiceId={practice.id} />
      </section>
      {integration ? null : (
        <section aria-labelledby="allegati" className="mb-5">
          <h2 className="h3" id="allegati">
            {t('practices.attachments.title')}
          </h2>
          {practice.attachments.length === 0 ? (
            <p>{t('practices.attachments.none')}</p>
          ) : (
            <AttachmentsPanel practice={practice} documents={type.documents} editable={false} />
          )}
        </section>
      )}
      <section aria-labelledby="dati-dichiarati" className="mb-5">
        <h2 className="h3" id="dati-dichiarati">
          {t('practices.detail.declared')}
        </h2>
        <DeclarationSummary form={toForm(practice.data)} type={type} />
      </section>
      <p>
        <Link to="/pratiche">{t('practices.list.backLink')}</Link>
      </p>
    </>
  )
}
