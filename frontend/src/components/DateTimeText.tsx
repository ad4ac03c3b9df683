import { useTranslation } from 'react-i18next'
import { formatDateAndTime } from '@/lib/format'

/** A moment in the reader's language, its line broken between date and time when narrow. */
export function DateTimeText({ utc }: { utc: string }) {
  const { i18n } = useTranslation()
  const [date, time] = formatDateAndTime(utc, i18n.language)
  return (
    <>
      <span className="text-nowrap">{date}</span>
      {time ? (
        <>
          {' '}
          <span className="text-nowrap">{time}</span>
        </>
      ) : null}
    </>
  )
}
