import { Button } from 'design-react-kit'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { DataTable } from '@/components/DataTable'
import { Loading } from '@/components/Loading'
import { Notice } from '@/components/Notice'
import { PageHeading } from '@/components/PageHeading'
import { ProblemAlert } from '@/components/ProblemAlert'
import { formatDateTime } from '@/lib/format'
import type { Appointment } from '../api/types'
import { useAppointments, useCancelAppointment } from '../api/useAppointments'
import { AppointmentDetails } from '../components/AppointmentDetails'
import { IcsButton } from '../components/IcsButton'
import { longDate } from '../calendar'
import '../appointments.scss'

/** One appointment opened: its details, the .ics, and "Annulla appuntamento" with a confirmation. */
function AppointmentPanel({
  appointment,
  onClose,
  onCancelled,
}: {
  appointment: Appointment
  onClose: () => void
  onCancelled: (code: string) => void
}) {
  const { t, i18n } = useTranslation()
  const cancel = useCancelAppointment()
  const [asking, setAsking] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const question = useRef<HTMLParagraphElement>(null)
  const a = appointment
  useEffect(() => heading.current?.focus(), [a.id])
  useEffect(() => {
    if (asking) question.current?.focus()
  }, [asking])

  return (
    <section className="appointment-panel mt-4" aria-labelledby="appuntamento-titolo">
      <h2 className="h4" id="appuntamento-titolo" tabIndex={-1} ref={heading}>
        {t('appointments.mine.detailsTitle', { code: a.code })}
      </h2>
      <AppointmentDetails appointment={a} />
      {a.can_cancel ? (
        <p>
          {t('appointments.mine.cancelUntil', {
            when: formatDateTime(a.cancel_until, i18n.language),
          })}
        </p>
      ) : null}
      {cancel.isError ? (
        <ProblemAlert error={cancel.error} context={t('appointments.mine.cancelFailed')} />
      ) : null}
      {asking ? (
        <div className="mb-3">
          <p className="fw-semibold" tabIndex={-1} ref={question}>
            {t('appointments.mine.cancelQuestion', {
              date: longDate(a.date, i18n.language),
              time: a.time,
            })}
          </p>
          <div className="d-flex flex-wrap gap-3">
            <Button
              color="danger"
              type="button"
              disabled={cancel.isPending}
              onClick={() =>
                cancel.mutate(
                  { id: a.id },
                  {
                    onSuccess: () => {
                      setAsking(false)
                      onCancelled(a.code)
                    },
                  },
                )
              }
            >
              {t('appointments.mine.cancelConfirm')}
            </Button>
            <Button color="secondary" outline type="button" onClick={() => setAsking(false)}>
              {t('appointments.mine.cancelBack')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="d-flex flex-wrap align-items-center gap-3">
          <IcsButton appointment={a} />
          {a.can_cancel ? (
            <Button color="danger" outline size="sm" type="button" onClick={() => setAsking(true)}>
              {t('appointments.mine.cancel')}
            </Button>
          ) : null}
          <Button color="secondary" outline size="sm" type="button" onClick={onClose}>
            {t('appointments.mine.close')}
          </Button>
        </div>
      )}
    </section>
  )
}

/**
 * /appuntamenti — "I miei appuntamenti": the citizen's bookings with their state, each with
 * its details, its .ics and, while the cancellation notice allows, "Annulla appuntamento".
 */
export function MyAppointmentsPage() {
  const { t, i18n } = useTranslation()
  const appointments = useAppointments()
  const [openId, setOpenId] = useState<string | null>(null)
  const [cancelled, setCancelled] = useState<string | null>(null)
  const items = appointments.data?.items ?? []
  const open = items.find((a) => a.id === openId)

  return (
    <>
      <PageHeading title={t('appointments.mine.title')} lead={t('appointments.mine.lead')} />
      <p>
        <Link to="/appuntamenti/prenota" className="btn btn-primary">
          {t('appointments.mine.book')}
        </Link>
      </p>
      <div role="status">
        {cancelled ? (
          <Notice color="success">
            <p className="mb-0">{t('appointments.mine.cancelled', { code: cancelled })}</p>
          </Notice>
        ) : null}
      </div>
      {appointments.isError ? (
        <ProblemAlert error={appointments.error} context={t('appointments.mine.failed')} />
      ) : !appointments.data ? (
        <Loading label={t('appointments.mine.loading')} />
      ) : items.length === 0 ? (
        <p>{t('appointments.mine.empty')}</p>
      ) : (
        <DataTable<Appointment>
          caption={t('appointments.mine.caption', { count: items.length })}
          stackBelow="medium"
          rows={items}
          rowKey={(a) => a.id}
          rowProps={(a) => ({ 'data-appointment': a.id })}
          columns={[
            {
              key: 'code',
              header: t('appointments.mine.columns.code'),
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
              key: 'topic',
              header: t('appointments.mine.columns.topic'),
              cell: (a) => a.topic,
            },
            {
              key: 'state',
              header: t('appointments.mine.columns.state'),
              cell: (a) => a.state_label,
            },
            {
              key: 'actions',
              header: t('appointments.mine.columns.actions'),
              actions: true,
              cell: (a) => (
                <button
                  type="button"
                  className="btn btn-primary btn-xs"
                  aria-expanded={openId === a.id}
                  aria-label={`${t('appointments.mine.details')} ${t('appointments.mine.detailsOf', { code: a.code })}`}
                  onClick={() => {
                    setCancelled(null)
                    setOpenId(openId === a.id ? null : a.id)
                  }}
                >
                  {t('appointments.mine.details')}
                </button>
              ),
            },
          ]}
        />
      )}
      {open ? (
        <AppointmentPanel
          key={open.id}
          appointment={open}
          onClose={() => setOpenId(null)}
          onCancelled={(code) => setCancelled(code)}
        />
      ) : null}
    </>
  )
}
