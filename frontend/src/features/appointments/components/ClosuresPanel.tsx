import { Button } from 'design-react-kit'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { fieldErrorsOf } from '@/lib/api/fieldErrors'
import { registryDate } from '@/lib/registryDates'
import type { Desk, DeskClosure } from '../api/types'
import { useAddClosure, useRemoveClosure } from '../api/useDesks'

/** A desk's closures (from, to, reason), each removable, and the form adding one. */
export function ClosuresPanel({ desk }: { desk: Desk }) {
  const { t } = useTranslation()
  const add = useAddClosure()
  const remove = useRemoveClosure()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const [message, setMessage] = useState('')
  const server = fieldErrorsOf(add.error)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMessage('')
    if (!from || !reason.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    add.mutate(
      { deskId: desk.id, input: { from, to: to || from, reason: reason.trim() } },
      {
        onSuccess: () => {
          setFrom('')
          setTo('')
          setReason('')
          setMessage(t('appointments.deskAdmin.closures.added'))
        },
      },
    )
  }

  return (
    <section className="mt-5" aria-labelledby="chiusure-titolo">
      <h2 className="h4" id="chiusure-titolo">
        {t('appointments.deskAdmin.closures.title')}
      </h2>
      <p role="status">{message}</p>
      {remove.isError ? (
        <ProblemAlert error={remove.error} context={t('appointments.deskAdmin.closures.failed')} />
      ) : null}
      {desk.closures.length === 0 ? (
        <p>{t('appointments.deskAdmin.closures.none')}</p>
      ) : (
        <DataTable<DeskClosure>
          caption={t('appointments.deskAdmin.closures.caption', { name: desk.name })}
          stackBelow="narrow"
          rows={desk.closures}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'from',
              header: t('appointments.deskAdmin.closures.from'),
              className: 'text-nowrap',
              cell: (c) => registryDate(c.from),
            },
            {
              key: 'to',
              header: t('appointments.deskAdmin.closures.to'),
              className: 'text-nowrap',
              cell: (c) => registryDate(c.to),
            },
            {
              key: 'reason',
              header: t('appointments.deskAdmin.closures.reason'),
              rowHeader: true,
              cell: (c) => c.reason,
            },
            {
              key: 'remove',
              header: t('appointments.deskAdmin.columns.actions'),
              actions: true,
              cell: (c) => (
                <button
                  type="button"
                  className="btn btn-outline-danger btn-xs"
                  disabled={remove.isPending}
                  aria-label={`${t('appointments.deskAdmin.closures.remove')} ${t('appointments.deskAdmin.closures.removeOf', { from: registryDate(c.from), to: registryDate(c.to) })}`}
                  onClick={() => {
                    setMessage('')
                    remove.mutate(
                      { deskId: desk.id, closureId: c.id },
                      { onSuccess: () => setMessage(t('appointments.deskAdmin.closures.removed')) },
                    )
                  }}
                >
                  {t('appointments.deskAdmin.closures.remove')}
                </button>
              ),
            },
          ]}
        />
      )}
      <form onSubmit={submit} noValidate aria-label={t('appointments.deskAdmin.closures.add')}>
        {add.isError && Object.keys(server).length === 0 ? (
          <ProblemAlert error={add.error} context={t('appointments.deskAdmin.closures.failed')} />
        ) : null}
        {missing ? (
          <div className="text-field-error mb-2" role="alert">
            {t('appointments.deskAdmin.closures.missing')}
          </div>
        ) : null}
        <div className="row align-items-start">
          <div className="col-md-3">
            <TextField
              id="chiusura-dal"
              type="date"
              label={t('appointments.deskAdmin.closures.from')}
              required
              value={from}
              error={server.from}
              invalid={missing && !from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="col-md-3">
            <TextField
              id="chiusura-al"
              type="date"
              label={t('appointments.deskAdmin.closures.to')}
              value={to}
              min={from || undefined}
              error={server.to}
              onChange={(e) => setTo(e.target.value)}
            />
          </div>
          <div className="col-md-6">
            <TextField
              id="chiusura-motivo"
              label={t('appointments.deskAdmin.closures.reason')}
              required
              value={reason}
              error={server.reason}
              invalid={missing && !reason.trim()}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </div>
        <Button color="primary" outline type="submit" disabled={add.isPending}>
          {t('appointments.deskAdmin.closures.add')}
        </Button>
      </form>
    </section>
  )
}
