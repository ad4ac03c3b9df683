import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import { SelectField } from '@/components/SelectField'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { formatDate, formatDateTime } from '@/lib/format'
import type { Account } from '../api/useAccounts'
import { useActivateAccount } from '../api/useActivateAccount'
import { useRejectAccount } from '../api/useRejectAccount'
import { DOCUMENT_TYPES } from './documentTypes'

type Field = 'document_type' | 'document_number' | 'document_expiry'
const FIELD_IDS: Record<Field, string> = {
  document_type: 'document-type',
  document_number: 'document-number',
  document_expiry: 'document-expiry',
}

export type IdentificationOutcome = { kind: 'activated' | 'rejected'; account: Account }

interface IdentificationPanelProps {
  account: Account
  onDone: (outcome: IdentificationOutcome) => void
  onClose: () => void
}

/**
 * One pending account at the counter: the person's data to compare with the document, the
 * document's type, number and expiry, then "Attiva account" — or "Respingi", confirmed.
 */
export function IdentificationPanel({ account, onDone, onClose }: IdentificationPanelProps) {
  const { t, i18n } = useTranslation()
  const activate = useActivateAccount()
  const reject = useRejectAccount()
  const [values, setValues] = useState<Record<Field, string>>({
    document_type: '',
    document_number: '',
    document_expiry: '',
  })
  const [missing, setMissing] = useState<Partial<Record<Field, boolean>>>({})
  const [confirming, setConfirming] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const confirmRef = useRef<HTMLParagraphElement>(null)
  const rejectButtonRef = useRef<HTMLButtonElement>(null)
  const fullName = `${account.surname} ${account.name}`

  useEffect(() => {
    headingRef.current?.focus()
  }, [account.id])

  const server = fieldErrorsOf(activate.error)
  const errorOf = (field: Field) =>
    missing[field] ? t(`backoffice.required.${field}`) : server[field]
  const otherError =
    (activate.isError && Object.keys(server).length === 0 ? activate.error : null) ??
    (reject.isError ? reject.error : null)

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setMissing((m) => ({ ...m, [field]: false }))
  }

  const onActivate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    reject.reset()
    const found = {
      document_type: values.document_type === '',
      document_number: values.document_number.trim() === '',
      document_expiry: values.document_expiry === '',
    }
    setMissing(found)
    const first = (Object.keys(found) as Field[]).find((f) => found[f])
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus()
      return
    }
    activate.mutate(
      {
        id: account.id,
        document: {
          document_type: values.document_type,
          document_number: values.document_number.trim().toUpperCase(),
          document_expiry: values.document_expiry,
        },
      },
      { onSuccess: (saved) => onDone({ kind: 'activated', account: saved }) },
    )
  }

  const openConfirmation = () => {
    activate.reset()
    setConfirming(true)
  }
  useEffect(() => {
    if (confirming) confirmRef.current?.focus()
  }, [confirming])

  const cancelConfirmation = () => {
    setConfirming(false)
    requestAnimationFrame(() => rejectButtonRef.current?.focus())
  }

  const busy = activate.isPending || reject.isPending
  return (
    <section className="identification-panel p-4" aria-labelledby="identification-title">
      <h2 id="identification-title" className="h4" tabIndex={-1} ref={headingRef}>
        {t('backoffice.panelTitle', { name: fullName })}
      </h2>
      <p>{t('backoffice.panelLead')}</p>
      <dl className="decoded-data">
        <div>
          <dt>{t('backoffice.columns.fiscalCode')}</dt>
          <dd className="font-monospace">{account.fiscal_code ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('backoffice.columns.birthDate')}</dt>
          <dd>{account.birth_date ? formatDate(account.birth_date, i18n.language) : '—'}</dd>
        </div>
        <div>
          <dt>{t('backoffice.email')}</dt>
          <dd>{account.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('backoffice.columns.registeredAt')}</dt>
          <dd>{formatDateTime(account.created_at, i18n.language)}</dd>
        </div>
      </dl>
      {otherError ? (
        <ProblemAlert error={otherError} context={t('backoffice.actionFailed')} />
      ) : null}
      <form noValidate onSubmit={onActivate} aria-label={t('backoffice.documentForm')}>
        <fieldset disabled={confirming}>
          <legend className="h5">{t('backoffice.documentLegend')}</legend>
          <SelectField
            id={FIELD_IDS.document_type}
            name="document_type"
            label={t('backoffice.documentType')}
            error={errorOf('document_type')}
            required
            value={values.document_type}
            onChange={(e) => set('document_type')(e.target.value)}
          >
            <option value="">{t('backoffice.chooseDocument')}</option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`backoffice.documentTypes.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={FIELD_IDS.document_number}
            name="document_number"
            label={t('backoffice.documentNumber')}
            hint={t('backoffice.documentNumberHint')}
            error={errorOf('document_number')}
            required
            value={values.document_number}
            onChange={(e) => set('document_number')(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={20}
            inputClassName="font-monospace"
          />
          <TextField
            id={FIELD_IDS.document_expiry}
            name="document_expiry"
            type="date"
            label={t('backoffice.documentExpiry')}
            hint={t('backoffice.documentExpiryHint')}
            error={errorOf('document_expiry')}
            required
            value={values.document_expiry}
            onChange={(e) => set('document_expiry')(e.target.value)}
          />
          <div className="d-flex flex-wrap gap-3 mt-3">
            <Button color="primary" type="submit" disabled={busy}>
              {activate.isPending ? t('backoffice.activating') : t('backoffice.activate')}
            </Button>
            <button
              type="button"
              ref={rejectButtonRef}
              className="btn btn-outline-danger"
              onClick={openConfirmation}
              disabled={busy}
            >
              {t('backoffice.reject')}
            </button>
            <button type="button" className="btn btn-link" onClick={onClose} disabled={busy}>
              {t('backoffice.close')}
            </button>
          </div>
        </fieldset>
      </form>
      {confirming ? (
        <div
          className="reject-confirmation mt-4 p-3"
          role="group"
          aria-labelledby="reject-question"
        >
          <p id="reject-question" className="fw-semibold" tabIndex={-1} ref={confirmRef}>
            {t('backoffice.rejectQuestion', { name: fullName })}
          </p>
          <p>{t('backoffice.rejectExplanation')}</p>
          <div className="d-flex flex-wrap gap-3">
            <button
              type="button"
              className="btn btn-danger"
              disabled={reject.isPending}
              onClick={() =>
                reject.mutate(account.id, {
                  onSuccess: (saved) => onDone({ kind: 'rejected', account: saved }),
                  onError: () => setConfirming(false),
                })
              }
            >
              {reject.isPending ? t('backoffice.rejecting') : t('backoffice.confirmReject')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={cancelConfirmation}>
              {t('backoffice.cancelReject')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
