import { Button } from 'design-react-kit'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { DataTable } from '@/components/DataTable'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { TextField } from '@/components/TextField'
import { isIsoDate, todayIso } from '@/lib/registryDates'
import type { Appointment, Desk } from '../api/types'
import { useAgenda, useAppointments, useAttendance } from '../api/useAppointments'
import { useDesks } from '../api/useDesks'
import { CancelWithReasonForm, MoveForm } from '../components/AgendaForms'
import { BookingConfirmation } from '../components/BookingConfirmation'
import { BookingForm } from '../components/BookingForm'
import { DeskSelect } from '../components/DeskSelect'
import { longDate } from '../calendar'
import '../appointments.scss'

type Done = { kind: 'attended' | 'missed' | 'moved' | 'cancelled'; appointment: Appointment }

/** The search by booking code or codice fiscale, and its results. */
function AppointmentSearch({ onOpen }: { onOpen: (a: Appointment) => void }) {
  const { t, i18n } = useTranslation()
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const found = useAppointments({ q }, q !== '')
  const items = found.data?.items ?? []
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setQ(text.trim().toUpperCase())
  }
  return (
    <section className="no-print mt-5" aria-labelledby="ricerca-appuntamenti">
      <h2 className="h4" id="ricerca-appuntamenti">
        {t('appointments.office.searchLabel')}
      </h2>
      <form role="search" aria-label={t('appointments.office.searchLabel')} onSubmit={submit}>
        <div className="row align-items-end">
          <div className="col-md-8">
            <TextField
              id="appuntamenti-ricerca"
              type="search"
              label={t('appointments.office.search')}
              hint={t('appointments.office.searchHint')}
              value={text}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="col-md-4 mb-3">
            <Button color="primary" type="submit">
              {t('appointments.office.searchButton')}
            </Button>
          </div>
        </div>
      </form>
      {q === '' ? null : found.isError ? (
        <ProblemAlert error={found.error} context={t('appointments.office.failed')} />
      ) : !found.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">{t('appointments.office.searchEmpty')}</p>
      ) : (
        <DataTable<Appointment>
          caption={t('appointments.office.searchCaption', { count: items.length })}
          stackBelow="wide"
          rows={items}
          rowKey={(a) => a.id}
          columns={[
            {
              key: 'code',
              header: t('appointments.office.columns.code'),
              rowHeader: true,
              className: 'identifier text-nowrap',
              cell: (a) => a.code,
            },
            {
              key: 'when',
              header: t('appointments.mine.columns.when'),
              cell: (a) =>
                t('appointments.mine.at', { date: longDate(a.date, i18n.language), time: a.time }),
            },
            {
              key: 'desk',
              header: t('appointments.mine.columns.desk'),
              cell: (a) => a.desk_name,
            },
            {
              key: 'person',
              header: t('appointments.office.columns.person'),
              cell: (a) => (
                <>
                  {a.person.surname} {a.person.name}
                  <span className="d-block identifier">{a.person.fiscal_code}</span>
                </>
              ),
            },
            {
              key: 'state',
              header: t('appointments.office.columns.state'),
              cell: (a) => a.state_label,
            },
            {
              key: 'open',
              header: t('appointments.office.columns.actions'),
              actions: true,
              cell: (a) => (
                <button
                  type="button"
                  className="btn btn-primary btn-xs"
                  aria-label={`${t('appointments.office.openAgenda')} ${t('appointments.office.ofCode', { code: a.code })}`}
                  onClick={() => onOpen(a)}
                >
                  {t('appointments.office.openAgenda')}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  )
}

/** "Prenota per un cittadino": a day, then the booking form with the person's data. */
function OfficeBooking({
  desk,
  date: initial,
  onClose,
}: {
  desk: Desk
  date: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [date, setDate] = useState(initial)
  const [booked, setBooked] = useState<Appointment | null>(null)
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => field.current?.focus(), [])
  if (booked) {
    return (
      <BookingConfirmation
        appointment={booked}
        office
        headingLevel={3}
        onAnother={() => setBooked(null)}
      />
    )
  }
  return (
    <div className="office-booking">
      <TextField
        ref={field}
        id="prenota-giorno"
        type="date"
        label={t('appointments.office.bookForDate')}
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      {isIsoDate(date) ? (
        <BookingForm
          key={`${desk.id}-${date}`}
          desk={desk}
          date={date}
          forPerson
          idPrefix="ufficio"
          headingLevel={3}
          focusOnOpen={false}
          onBooked={setBooked}
          onClose={onClose}
        />
      ) : null}
    </div>
  )
}

/**
 * /backoffice/appuntamenti — a desk's day: each appointment with "Presentato" / "Non
 * presentato", "Sposta" and "Annulla"; printable; the search by code or codice fiscale;
 * "Prenota per un cittadino".
 */
export function OfficeAgendaPage() {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const desks = useDesks()
  const list = desks.data?.items ?? []
  const asked = params.get('data') ?? ''
  const date = isIsoDate(asked) ? asked : todayIso()
  const desk = list.find((d) => d.id === params.get('sportello')) ?? list[0]
  const agenda = useAgenda(desk?.id, date)
  const attendance = useAttendance()
  const [form, setForm] = useState<{ kind: 'move' | 'cancel'; id: string } | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  const [booking, setBooking] = useState(false)
  const doneRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (done) doneRef.current?.focus()
  }, [done])

  const show = (deskId: string, day: string) => {
    setForm(null)
    setDone(null)
    setBooking(false)
    setParams({ sportello: deskId, data: day })
  }

  const rows = (agenda.data?.slots ?? []).flatMap((slot) =>
    slot.appointments.map((appointment) => ({ slot, appointment })),
  )
  const formFor = form ? rows.find((r) => r.appointment.id === form.id)?.appointment : undefined
  const finished =
    (kind: Done['kind'], fallback: Appointment) => (answer: Appointment | undefined) => {
      setForm(null)
      setDone({ kind, appointment: answer ?? fallback })
    }

  return (
    <div className="agenda-page">
      <PageHeading title={t('appointments.office.title')} lead={t('appointments.office.lead')} />
      {desks.isError ? (
        <ProblemAlert error={desks.error} context={t('appointments.desks.failed')} />
      ) : !desks.data ? (
        <Loading label={t('appointments.desks.loading')} />
      ) : !desk ? (
        <p role="status">{t('appointments.desks.none')}</p>
      ) : (
        <>
          <div className="row align-items-end no-print">
            <div className="col-md-5">
              <DeskSelect
                id="agenda-sportello"
                label={t('appointments.office.desk')}
                desks={list}
                value={desk.id}
                onChange={(id) => show(id, date)}
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="agenda-data"
                type="date"
                label={t('appointments.office.date')}
                value={date}
                onChange={(e) => isIsoDate(e.target.value) && show(desk.id, e.target.value)}
              />
            </div>
            <div className="col-md-3 mb-3 d-flex flex-wrap gap-2">
              <Button color="primary" outline type="button" onClick={() => window.print()}>
                {t('appointments.office.print')}
              </Button>
            </div>
          </div>
          <h2 className="h3 mt-3">
            {t('appointments.office.agendaTitle', {
              desk: desk.name,
              date: longDate(date, i18n.language),
            })}
          </h2>
          <p className="small">
            {desk.location}
            {agenda.data ? (
              <>
                {' · '}
                {t('appointments.office.slotsSummary', {
                  free: agenda.data.slots.filter(
                    (slot) =>
                      slot.appointments.filter((a) => a.state !== 'cancelled').length < slot.places,
                  ).length,
                  total: agenda.data.slots.length,
                })}
              </>
            ) : null}
          </p>
          <div ref={doneRef} tabIndex={-1} role="status" className="outcome-region no-print">
            {done ? (
              <Notice color="success">
                <p className="mb-0">
                  {t(`appointments.office.done.${done.kind}`, {
                    code: done.appointment.code,
                    date: longDate(done.appointment.date, i18n.language),
                    time: done.appointment.time,
                  })}
                </p>
              </Notice>
            ) : null}
          </div>
          {attendance.isError ? (
            <ProblemAlert
              error={attendance.error}
              context={t('appointments.office.actionFailed')}
            />
          ) : null}
          {agenda.isError ? (
            <ProblemAlert error={agenda.error} context={t('appointments.office.failed')} />
          ) : !agenda.data ? (
            <Loading label={t('appointments.office.loading')} />
          ) : rows.length === 0 ? (
            <p role="status">{t('appointments.office.empty')}</p>
          ) : (
            <DataTable<(typeof rows)[number]>
              caption={t('appointments.office.caption', { count: rows.length })}
              stackBelow="wide"
              className="agenda-table"
              rows={rows}
              rowKey={(r) => r.appointment.id}
              rowProps={(r) => ({ 'data-appointment': r.appointment.id })}
              columns={[
                {
                  key: 'time',
                  header: t('appointments.office.columns.time'),
                  rowHeader: true,
                  className: 'text-nowrap',
                  cell: (r) => r.slot.time,
                },
                {
                  key: 'code',
                  header: t('appointments.office.columns.code'),
                  className: 'identifier text-nowrap',
                  cell: (r) => r.appointment.code,
                },
                {
                  key: 'person',
                  header: t('appointments.office.columns.person'),
                  cell: ({ appointment: a }) => (
                    <>
                      {a.person.surname} {a.person.name}
                      <span className="d-block identifier">{a.person.fiscal_code}</span>
                      {a.phone ? <span className="d-block">{a.phone}</span> : null}
                    </>
                  ),
                },
                {
                  key: 'topic',
                  header: t('appointments.office.columns.topic'),
                  cell: ({ appointment: a }) => (
                    <>
                      {a.topic}
                      {a.notes ? <span className="d-block small">{a.notes}</span> : null}
                    </>
                  ),
                },
                {
                  key: 'state',
                  header: t('appointments.office.columns.state'),
                  cell: (r) => r.appointment.state_label,
                },
                {
                  key: 'actions',
                  header: t('appointments.office.columns.actions'),
                  actions: true,
                  cell: ({ appointment: a }) =>
                    a.state === 'cancelled' ? null : (
                      <div className="table-actions no-print">
                        {(['attended', 'missed'] as const).map((kind) => (
                          <button
                            key={kind}
                            type="button"
                            className="btn btn-outline-primary btn-xs"
                            disabled={attendance.isPending || a.state === kind}
                            aria-label={`${t(`appointments.office.${kind}`)} ${t('appointments.office.ofCode', { code: a.code })}`}
                            onClick={() => {
                              setDone(null)
                              attendance.mutate(
                                { id: a.id, attended: kind === 'attended' },
                                { onSuccess: finished(kind, a) },
                              )
                            }}
                          >
                            {t(`appointments.office.${kind}`)}
                          </button>
                        ))}
                        {a.state === 'booked'
                          ? (['move', 'cancel'] as const).map((kind) => (
                              <button
                                key={kind}
                                type="button"
                                className={`btn btn-xs ${kind === 'cancel' ? 'btn-outline-danger' : 'btn-outline-primary'}`}
                                aria-expanded={form?.id === a.id && form.kind === kind}
                                aria-label={`${t(`appointments.office.${kind}`)} ${t('appointments.office.ofCode', { code: a.code })}`}
                                onClick={() => {
                                  setDone(null)
                                  setForm({ kind, id: a.id })
                                }}
                              >
                                {t(`appointments.office.${kind}`)}
                              </button>
                            ))
                          : null}
                      </div>
                    ),
                },
              ]}
            />
          )}
          {formFor && form?.kind === 'move' ? (
            <MoveForm
              key={formFor.id}
              appointment={formFor}
              onDone={finished('moved', formFor)}
              onBack={() => setForm(null)}
            />
          ) : formFor && form?.kind === 'cancel' ? (
            <CancelWithReasonForm
              key={formFor.id}
              appointment={formFor}
              onDone={finished('cancelled', formFor)}
              onBack={() => setForm(null)}
            />
          ) : null}
          <section className="no-print mt-5" aria-labelledby="prenota-per-cittadino">
            <h2 className="h4" id="prenota-per-cittadino">
              {t('appointments.office.bookFor')}
            </h2>
            {booking ? (
              <OfficeBooking desk={desk} date={date} onClose={() => setBooking(false)} />
            ) : (
              <Button color="primary" type="button" onClick={() => setBooking(true)}>
                {t('appointments.office.bookFor')}
              </Button>
            )}
          </section>
          <AppointmentSearch onOpen={(a) => show(a.desk_id, a.date)} />
        </>
      )}
    </div>
  )
}
