import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { Appointment } from '../api/types'
import { useDownloadIcs } from '../api/useAppointments'

interface IcsButtonProps {
  appointment: Pick<Appointment, 'id' | 'code'>
  /** Names the appointment in the button's accessible name (a list of several). */
  named?: boolean
  className?: string
}

/** "Scarica .ics": the appointment for one's calendar, fetched with the session's token. */
export function IcsButton({ appointment, named = false, className }: IcsButtonProps) {
  const { t } = useTranslation()
  const download = useDownloadIcs()
  return (
    <>
      <button
        type="button"
        className={className ?? 'btn btn-outline-primary btn-sm'}
        disabled={download.isPending}
        onClick={() => download.mutate(appointment)}
        aria-label={
          named
            ? `${t('appointments.ics.download')} ${t('appointments.ics.of', { code: appointment.code })}`
            : undefined
        }
      >
        {t('appointments.ics.download')}
      </button>
      <span role="status" className="visually-hidden">
        {download.isSuccess ? t('appointments.ics.downloaded', { file: download.data }) : ''}
      </span>
      {download.isError ? (
        <ProblemAlert error={download.error} context={t('appointments.ics.failed')} />
      ) : null}
    </>
  )
}
