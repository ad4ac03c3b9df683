import { type KeyboardEvent, useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AvailabilityDay } from '../api/types'
import {
  addDays,
  addMonths,
  longDate,
  monthTitle,
  monthWeeks,
  startOfWeek,
  weekdayName,
} from '../calendar'

interface MonthGridProps {
  /** The focused day (and with it the month shown). */
  cursor: string
  today: string
  /** The availability of the month's days, by date. */
  days: ReadonlyMap<string, AvailabilityDay>
  /** A key moved the focus to another day (maybe of another month). */
  onCursor: (date: string) => void
  /** A bookable day was chosen. */
  onChoose: (date: string) => void
}

/** Where an arrow key (and Home, End, Page Up, Page Down) takes the focus from `date`. */
function moved(date: string, key: string): string | null {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1)
    case 'ArrowRight':
      return addDays(date, 1)
    case 'ArrowUp':
      return addDays(date, -7)
    case 'ArrowDown':
      return addDays(date, 7)
    case 'Home':
      return startOfWeek(date)
    case 'End':
      return addDays(startOfWeek(date), 6)
    case 'PageUp':
      return addMonths(date, -1)
    case 'PageDown':
      return addMonths(date, 1)
    default:
      return null
  }
}

/**
 * The month as an ARIA grid (seed 000's calendar): one row a week, Monday first, one cell a
 * day. One day at a time is in the tab order (roving tabindex); the arrows move by day and
 * week, Home and End to the week's ends, Page Up and Page Down by month. A bookable day is a
 * button named by its date and "prenota appuntamento"; a closed day says so.
 */
export function MonthGrid({ cursor, today, days, onCursor, onChoose }: MonthGridProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const captionId = useId()
  const grid = useRef<HTMLTableElement>(null)
  // Set by a key: the focus follows the cursor once the new day is drawn.
  const follow = useRef(false)
  const weeks = monthWeeks(cursor)

  useEffect(() => {
    if (!follow.current) return
    follow.current = false
    grid.current?.querySelector<HTMLElement>(`[data-date="${cursor}"]`)?.focus()
  }, [cursor])

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = moved(cursor, event.key)
    if (!target) return
    event.preventDefault()
    follow.current = true
    onCursor(target)
  }

  return (
    <table
      ref={grid}
      role="grid"
      aria-labelledby={captionId}
      className="booking-month"
      onKeyDown={onKeyDown}
    >
      <caption id={captionId} className="booking-month-caption">
        {monthTitle(cursor, language)}
      </caption>
      <thead>
        <tr role="row">
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
            <th key={weekday} scope="col" role="columnheader">
              <span aria-hidden="true">{weekdayName(weekday, language, true)}</span>
              <span className="visually-hidden">{weekdayName(weekday, language)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, row) => (
          <tr role="row" key={week.find(Boolean) ?? row}>
            {week.map((date, column) => {
              if (!date) return <td role="gridcell" key={`empty-${column}`} className="blank" />
              const day = days.get(date)
              const tabIndex = date === cursor ? 0 : -1
              const current = date === today ? 'date' : undefined
              const number = <span className="booking-day-number">{Number(date.slice(8))}</span>
              if (day?.bookable) {
                return (
                  <td role="gridcell" key={date} className="bookable" aria-current={current}>
                    <button
                      type="button"
                      className="booking-day"
                      data-date={date}
                      tabIndex={tabIndex}
                      onClick={() => onChoose(date)}
                      onFocus={() => date !== cursor && onCursor(date)}
                    >
                      <span aria-hidden="true">
                        {number}
                        <span className="booking-mark">
                          <span className="booking-mark-dot" />
                          <span className="booking-mark-text">
                            {t('appointments.calendar.book')}
                          </span>
                        </span>
                      </span>
                      <span className="visually-hidden">
                        {t('appointments.calendar.bookDay', {
                          date: longDate(date, language),
                          places: t('appointments.calendar.freePlaces', { count: day.free }),
                        })}
                      </span>
                    </button>
                  </td>
                )
              }
              return (
                <td
                  role="gridcell"
                  key={date}
                  data-date={date}
                  tabIndex={tabIndex}
                  aria-current={current}
                  className={day?.closed ? 'closed' : 'unavailable'}
                  onFocus={() => date !== cursor && onCursor(date)}
                >
                  <span aria-hidden="true">
                    {number}
                    {day?.closed ? (
                      <span className="booking-closed">{t('appointments.calendar.closed')}</span>
                    ) : null}
                  </span>
                  <span className="visually-hidden">
                    {day?.closed
                      ? t('appointments.calendar.closedDay', { date: longDate(date, language) })
                      : day
                        ? t('appointments.calendar.unavailableDay', {
                            date: longDate(date, language),
                          })
                        : longDate(date, language)}
                  </span>
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
