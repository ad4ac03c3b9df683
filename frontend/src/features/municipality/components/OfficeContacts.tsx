import { useTranslation } from 'react-i18next'
import type { Office } from '../api/useMunicipality'

/** A telephone link target: digits and a leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}

interface OfficeContactsProps {
  office: Office
  /** Shows the office's name as the first line of the address. */
  showName?: boolean
}

/** The office's postal address, telephone, e-mail and PEC, each one a working link. */
export function OfficeContacts({ office, showName = true }: OfficeContactsProps) {
  const { t } = useTranslation()
  return (
    <div className="office-contacts">
      <address className="mb-2">
        {showName ? (
          <>
            <strong>{office.name}</strong>
            <br />
          </>
        ) : null}
        {office.address}
        <br />
        {office.postcode} {office.city}
      </address>
      <dl className="contact-list mb-0">
        <div>
          <dt>{t('contacts.phone')}</dt>
          <dd>
            <a href={telHref(office.phone)}>{office.phone}</a>
          </dd>
        </div>
        <div>
          <dt>{t('contacts.email')}</dt>
          <dd>
            <a href={`mailto:${office.email}`}>{office.email}</a>
          </dd>
        </div>
        <div>
          <dt>
            <abbr title={t('contacts.pecLong')}>{t('contacts.pec')}</abbr>
          </dt>
          <dd>
            <a href={`mailto:${office.pec}`}>{office.pec}</a>
          </dd>
        </div>
      </dl>
    </div>
  )
}
