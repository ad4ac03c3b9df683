import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMunicipality } from '@/features/municipality'
import { formatDateTime } from '@/lib/format'
import { CivicEmblem } from './CivicEmblem'

/** The moment the page goes to the printer (updated on `beforeprint`), else when it was shown. */
function usePrintMoment(): Date {
  const [moment, setMoment] = useState(() => new Date())
  useEffect(() => {
    const update = () => setMoment(new Date())
    window.addEventListener('beforeprint', update)
    return () => window.removeEventListener('beforeprint', update)
  }, [])
  return moment
}

/**
 * The heading of every printed page (the site's header and footer are not printed): the
 * municipality, its registry office and the moment of printing, as a printout handed to
 * somebody must tell who produced it and when. Hidden on screen.
 */
export function PrintLetterhead() {
  const { t, i18n } = useTranslation()
  const { data: municipality } = useMunicipality()
  const printedAt = usePrintMoment()
  const office = municipality?.office
  return (
    <div className="print-letterhead d-none d-print-flex">
      <CivicEmblem className="print-letterhead-emblem" />
      <div>
        <p className="print-letterhead-name">{municipality?.name ?? t('site.name')}</p>
        {office ? (
          <p className="print-letterhead-office">
            {office.name} · {office.address}, {office.postcode} {office.city}
          </p>
        ) : null}
        <p className="print-letterhead-date">
          {t('print.printedAt', { when: formatDateTime(printedAt.toISOString(), i18n.language) })}
        </p>
      </div>
    </div>
  )
}
