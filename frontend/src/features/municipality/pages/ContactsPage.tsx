import { useTranslation } from 'react-i18next'
import { PageHeading } from '@/components/PageHeading'
import { MunicipalityGate } from '../components/MunicipalityGate'
import { OfficeContacts } from '../components/OfficeContacts'
import { OpeningHoursTable } from '../components/OpeningHoursTable'

export function ContactsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading title={t('contacts.title')} lead={t('contacts.lead')} />
      <MunicipalityGate>
        {(municipality) => (
          <div className="row g-4">
            <section className="col-12 col-lg-5" aria-labelledby="contacts-office">
              <h2 id="contacts-office" className="h3">
                {t('contacts.details')}
              </h2>
              <OfficeContacts office={municipality.office} />
              <p className="mt-3">{t('contacts.pecNote')}</p>
              {municipality.website ? (
                <p>
                  <a href={municipality.website}>
                    {t('contacts.website', { name: municipality.name })}
                  </a>
                </p>
              ) : null}
            </section>
            <section className="col-12 col-lg-7" aria-labelledby="contacts-hours">
              <h2 id="contacts-hours" className="h3">
                {t('contacts.openingHours')}
              </h2>
              <OpeningHoursTable
                hours={municipality.office.opening_hours}
                caption={t('contacts.openingHoursCaption', { office: municipality.office.name })}
              />
              <p>{t('contacts.appointmentNote')}</p>
            </section>
          </div>
        )}
      </MunicipalityGate>
    </>
  )
}
