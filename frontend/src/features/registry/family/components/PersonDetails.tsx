import { useTranslation } from 'react-i18next'
import { type DataRow, DataList } from '@/components/DataList'
import type { PersonRecord } from '../api/usePerson'
import { registryDate } from '@/lib/registryDates'

interface PersonDetailsProps {
  person: PersonRecord
}

/** A person's registry position (seed 001 "POSIZIONE ANAGRAFICA"), grouped as the office reads it. */
export function PersonDetails({ person }: PersonDetailsProps) {
  const { t } = useTranslation()
  const none = t('family.notRecorded')
  const context = person.sex === 'F' ? 'female' : 'male'
  const since = (value: string | null | undefined, date: string | null | undefined) =>
    value ? (date ? t('family.since', { value, date: registryDate(date) }) : value) : none

  const identity: DataRow[] = [
    [t('family.surname'), person.surname],
    [t('family.name'), person.name],
    [t('family.fiscalCode'), person.fiscal_code, true],
    [t('family.sex'), t(person.sex === 'F' ? 'family.female' : 'family.male')],
    [t('family.birthDate'), registryDate(person.birth_date)],
    [t('family.birthPlace'), person.birth_place],
    [t('family.citizenship'), person.citizenship_name],
    [t('family.civilStatus'), since(person.civil_status_label, person.civil_status_since)],
  ]
  const registry: DataRow[] = [
    [t('family.status'), t(`family.statuses.${person.status}`, { context })],
    ...(person.death_date
      ? [[t('family.deathDate'), registryDate(person.death_date)] as DataRow]
      : []),
    [t('family.registeredOn'), registryDate(person.registered_on)],
    [t('family.address'), person.address?.formatted ?? none],
    [t('family.registryNumber'), person.family_registry_number?.toString() ?? none],
    [t('family.relationship'), person.relationship_label],
  ]
  const electoral: DataRow[] = [
    [t('family.elector'), t(person.is_elector ? 'family.yes' : 'family.no')],
    ...(person.is_elector
      ? [[t('family.electoralSection'), person.electoral_section?.toString() ?? none] as DataRow]
      : []),
  ]
  const sections: Array<[id: string, title: string, rows: DataRow[]]> = [
    ['person-identity', t('family.identityTitle'), identity],
    ['person-registry', t('family.registryTitle'), registry],
    ['person-electoral', t('family.electoralTitle'), electoral],
  ]
  return (
    <>
      {sections.map(([id, title, rows]) => (
        <section key={id} aria-labelledby={id} className="mb-4">
          <h2 id={id} className="h4">
            {title}
          </h2>
          <DataList rows={rows} className="mt-2" />
        </section>
      ))}
    </>
  )
}
