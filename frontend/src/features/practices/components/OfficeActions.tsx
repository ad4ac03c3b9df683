import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Notice } from '@/components/Notice'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextAreaField } from '@/components/TextAreaField'
import type { Practice, PracticeAction } from '../api/types'
import { type OfficeCall, useOfficeAction } from '../api/usePracticeMutations'

/** The office's actions in the order offered; those with a text open a small form first. */
const OFFICE_ACTIONS = [
  'take_charge',
  'register',
  'approve',
  'request_integration',
  'reject',
] as const
type OfficeAction = (typeof OFFICE_ACTIONS)[number]
type WithText = 'approve' | 'request_integration' | 'reject'

const TEXT_REQUIRED: Record<WithText, boolean> = {
  approve: false,
  request_integration: true,
  reject: true,
}

/**
 * The buttons of what the operator may do now (the practice's `actions`): "Prendi in
 * carico", "Registra (accolta con riserva)", "Accogli definitivamente" (with an optional
 * note), "Richiedi integrazione" (the message), "Respingi" (the reason). A refusal (another
 * operator holds it) is shown and the page stays usable.
 */
export function OfficeActions({ practice }: { practice: Practice }) {
  const { t } = useTranslation()
  const act = useOfficeAction()
  const [open, setOpen] = useState<WithText | null>(null)
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const [done, setDone] = useState<OfficeAction | null>(null)
  const formTitle = useRef<HTMLHeadingElement>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const offered = OFFICE_ACTIONS.filter((a) => practice.actions.includes(a as PracticeAction))

  useEffect(() => {
    if (open) formTitle.current?.focus()
  }, [open])
  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  const run = (call: OfficeCall) => {
    setDone(null)
    act.mutate(call, {
      onSuccess: () => {
        setOpen(null)
        setText('')
        setDone(call.action)
      },
    })
  }

  const start = (action: OfficeAction) => {
    act.reset()
    setDone(null)
    if (action === 'take_charge' || action === 'register') {
      run({ id: practice.id, action })
      return
    }
    setMissing(false)
    setText('')
    setOpen(action)
  }

  const confirm = (e: FormEvent) => {
    e.preventDefault()
    if (!open) return
    const value = text.trim()
    if (TEXT_REQUIRED[open] && !value) {
      setMissing(true)
      document.getElementById('azione-testo')?.focus()
      return
    }
    if (open === 'approve') run({ id: practice.id, action: 'approve', note: value || undefined })
    else if (open === 'request_integration')
      run({ id: practice.id, action: 'request_integration', message: value })
    else run({ id: practice.id, action: 'reject', reason: value })
  }

  return (
    <section aria-labelledby="azioni" className="office-actions mb-5">
      <h2 className="h3" id="azioni">
        {t('practices.office.actionsTitle')}
      </h2>
      <div ref={doneRef} tabIndex={-1} role="status" className="outcome-region">
        {done ? (
          <Notice color="success">
            <p className="mb-0">
              {t(`practices.office.done.${done}`, { state: practice.state_label })}
            </p>
          </Notice>
        ) : null}
      </div>
      {act.isError ? (
        <ProblemAlert error={act.error} context={t('practices.office.actionFailed')} />
      ) : null}
      {offered.length === 0 ? (
        <p>{t('practices.office.noActions')}</p>
      ) : (
        <div className="d-flex flex-wrap gap-3 mb-3">
          {offered.map((action) => (
            <Button
              key={action}
              color={action === 'reject' ? 'danger' : 'primary'}
              outline={action === 'reject' || action === 'request_integration'}
              type="button"
              disabled={act.isPending}
              aria-expanded={action in TEXT_REQUIRED ? open === action : undefined}
              onClick={() => start(action)}
            >
              {t(`practices.office.action.${action}`)}
            </Button>
          ))}
        </div>
      )}
      {open ? (
        <form
          className="office-action-form"
          onSubmit={confirm}
          noValidate
          aria-labelledby="azione-titolo"
        >
          <h3 className="h5" id="azione-titolo" tabIndex={-1} ref={formTitle}>
            {t(`practices.office.action.${open}`)}
          </h3>
          <TextAreaField
            id="azione-testo"
            label={t(`practices.office.text.${open}`)}
            hint={t(`practices.office.textHint.${open}`)}
            value={text}
            maxLength={2000}
            required={TEXT_REQUIRED[open]}
            error={missing ? t(`practices.office.textMissing.${open}`) : undefined}
            onChange={(e) => {
              setMissing(false)
              setText(e.target.value)
            }}
          />
          <div className="d-flex flex-wrap gap-3">
            <Button
              color={open === 'reject' ? 'danger' : 'primary'}
              type="submit"
              disabled={act.isPending}
            >
              {t(`practices.office.confirm.${open}`)}
            </Button>
            <Button color="secondary" outline type="button" onClick={() => setOpen(null)}>
              {t('practices.office.back')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
