import { Icon } from 'design-react-kit'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/Loading'
import { ProblemAlert } from '@/components/ProblemAlert'
import type { AvailabilityDay, FreeSlot } from '../api/types'
import { useAvailability } from '../api/useAvailability'
import {
  type CalendarView,
  dayMonthYear,
  longDate,
  monthTitle,
  shiftView,
  visibleRange,
} from '../calendar'
import { DayList } from './DayList'
import { MonthGrid } from './MonthGrid'
import { WeekTable } from './WeekTable'

const VIEWS: readonly CalendarView[] = ['month', 'week', 'day']

interface BookingCalendarProps {
  deskId: string
  view: CalendarView
  onView: (view: CalendarView) => void
  /** The day the view is about (the focused day of the month). */
  cursor: string
  onCursor: (date: string) => void
  today: string
  /** A day (month view) or a time (week and day views) was chosen. */
  onChoose: (date: string, slot?: FreeSlot) => void
}

/**
 * Seed 000's calendar: previous / today / next at the top left, month / week / day at the
 * top right, the bookable days marked "prenota appuntamento" (the desk's availability for
 * the days shown).
 */
export function BookingCalendar({
  deskId,
  view,
  onView,
  cursor,
  onCursor,
  today,
  onChoose,
}: BookingCalendarProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const titleId = useId()
  const { from, to } = visibleRange(view, cursor)
  const availability = useAvailability(deskId, from, to)
  // The previous range stays on screen while the next one loads: only the days shown count.
  const data =
    availability.data?.from === from && availability.data.to === to ? availability.data : undefined
  const days = useMemo(() => {
    const map = new Map<string, AvailabilityDay>()
    for (const day of data?.days ?? []) map.set(day.date, day)
    return map
  }, [data])

  const period =
    view === 'month'
      ? monthTitle(cursor, language)
      : view === 'week'
        ? t('appointments.calendar.weekTitle', {
            from: dayMonthYear(from, language),
            to: dayMonthYear(to, language),
          })
        : longDate(cursor, language)
  // A heading starts with a capital; the months and days inside stay lower case in Italian.
  const title = period.charAt(0).toUpperCase() + period.slice(1)
  // Nothing before today can be booked: no way back past the period holding today.
  const atStart = from <= today

  return (
    <section className="booking-calendar" aria-labelledby={titleId}>
      <div className="booking-toolbar">
        <div
          className="booking-toolbar-nav"
          role="group"
          aria-label={t('appointments.calendar.navigation')}
        >
          <button
            type="button"
            className="btn btn-outline-primary btn-sm btn-icon"
            disabled={atStart}
            onClick={() => onCursor(shiftView(view, cursor, -1))}
            aria-label={t(`appointments.calendar.previous.${view}`)}
            title={t(`appointments.calendar.previous.${view}`)}
          >
            <Icon icon="it-chevron-left" size="sm" color="primary" />
          </button>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={() => onCursor(today)}
          >
            {t('appointments.calendar.today')}
          </button>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm btn-icon"
            onClick={() => onCursor(shiftView(view, cursor, 1))}
            aria-label={t(`appointments.calendar.next.${view}`)}
            title={t(`appointments.calendar.next.${view}`)}
          >
            <Icon icon="it-chevron-right" size="sm" color="primary" />
          </button>
        </div>
        <h2 className="h4 booking-title" id={titleId} aria-live="polite" tabIndex={-1}>
          {title}
        </h2>
        <div
          className="booking-toolbar-views"
          role="group"
          aria-label={t('appointments.calendar.views')}
        >
          {VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              className={`btn btn-sm ${v === view ? 'btn-primary' : 'btn-outline-primary'}`}
              aria-pressed={v === view}
              onClick={() => onView(v)}
            >
              {t(`appointments.calendar.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="booking-legend small">
        <span className="booking-mark">
          <span className="booking-mark-dot" aria-hidden="true" />
          <span>{t('appointments.calendar.book')}</span>
        </span>{' '}
        {t('appointments.calendar.legend')}
      </p>
      {availability.isError ? (
        <ProblemAlert error={availability.error} context={t('appointments.calendar.failed')} />
      ) : !data ? (
        <Loading label={t('appointments.calendar.loading')} />
      ) : null}
      {view === 'month' ? (
        <MonthGrid
          cursor={cursor}
          today={today}
          days={days}
          onCursor={onCursor}
          onChoose={(date) => onChoose(date)}
        />
      ) : view === 'week' ? (
        data ? (
          <WeekTable from={from} to={to} days={days} onChoose={onChoose} />
        ) : null
      ) : (
        <DayList date={cursor} day={days.get(cursor)} onChoose={onChoose} />
      )}
    </section>
  )
}
