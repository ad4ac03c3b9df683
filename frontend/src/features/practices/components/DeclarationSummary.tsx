import { useTranslation } from 'react-i18next'
import { DataList, type DataRow } from '@/components/DataList'
import { DataTable } from '@/components/DataTable'
import { registryDate } from '@/lib/registryDates'
import type { PracticeType } from '../api/types'
import type { DeclarationForm, PersonForm } from '../model'
import { placeLabel } from './fields'
import { labelOf, usePersonName } from './labels'

interface DeclarationSummaryProps {
  form: DeclarationForm
  type: PracticeType
  /** The level of the sections' headings (under the page's or the step's). */
  headingLevel?: 2 | 3
}

/**
 * The "specchio riepilogativo" (seed 000): everything declared, in words, in the order of
 * the form. Shown before "Inoltra", on the citizen's detail and in the back office.
 */
export function DeclarationSummary({ form, type, headingLevel = 3 }: DeclarationSummaryProps) {
  const { t } = useTranslation()
  const nameOf = usePersonName()
  const birthPlace = placeLabel
  const H = headingLevel === 2 ? 'h2' : 'h3'
  const { choices } = type
  const none = t('practices.summary.none')
  const value = (v: string | null | undefined) => (v && v.trim() ? v : none)
  const date = (v: string | null | undefined) => (v ? registryDate(v) : none)
  const yes = (v: boolean) => (v ? t('practices.summary.yes') : t('practices.summary.no'))

  const kindRows: DataRow[] = [
    [t('practices.applicant.kind'), value(labelOf(choices.kinds, form.kind))],
  ]
  if (form.kind === 'other')
    kindRows.push([t('practices.applicant.otherKind'), value(form.other_kind)])
  if (form.kind === 'from_other_municipality')
    kindRows.push([
      t('practices.applicant.previousMunicipality'),
      value(placeLabel(form.previous_place_code)),
    ])
  if (form.kind === 'from_abroad') {
    kindRows.push([
      t('practices.applicant.previousState'),
      value(placeLabel(form.previous_place_code)),
    ])
    kindRows.push([
      t('practices.applicant.previousAddressAbroad'),
      value(form.previous_address_abroad),
    ])
  }

  const personRows = (p: PersonForm): DataRow[] => [
    [t('practices.person.surname'), value(p.surname)],
    [t('practices.person.name'), value(p.name)],
    [t('practices.person.sex'), p.sex ? t(`practices.person.sex${p.sex}`) : none],
    [t('practices.person.birthDate'), date(p.birth_date)],
    [t('practices.person.birthPlace'), value(birthPlace(p.birth_place_code))],
    [t('practices.person.fiscalCode'), value(p.fiscal_code), true],
    [t('practices.person.citizenship'), value(labelOf(choices.citizenships, p.citizenship))],
  ]
  const applicant = form.persons.find((p) => p.applicant)
  const movers = form.persons
    .map((person, index) => ({ person, index }))
    .filter(({ person }) => person.moves)
  const drivers = movers.filter(({ person }) => person.has_driving_licence || person.has_vehicles)
  const occupancy = form.occupancy
  const title = choices.occupancy_titles.find((o) => o.code === occupancy.title)
  const occupancyRows: DataRow[] = [[t('practices.dwelling.title'), value(title?.label)]]
  if (occupancy.title === 'other')
    occupancyRows.push([t('practices.dwelling.otherTitle'), value(occupancy.other_title)])
  if (title?.needs_registration)
    occupancyRows.push(
      [t('practices.dwelling.registrationOffice'), value(occupancy.registration_office)],
      [t('practices.dwelling.registrationNumber'), value(occupancy.registration_number)],
      [t('practices.dwelling.registrationDate'), date(occupancy.registration_date)],
    )
  if (title?.needs_cadastre)
    occupancyRows.push(
      [t('practices.dwelling.section'), value(occupancy.cadastral_section)],
      [t('practices.dwelling.sheet'), value(occupancy.cadastral_sheet)],
      [t('practices.dwelling.parcel'), value(occupancy.cadastral_parcel)],
      [t('practices.dwelling.subparcel'), value(occupancy.cadastral_subparcel)],
    )
  const address = form.address
  const resident = form.existing_resident

  return (
    <div className="declaration-summary">
      <section aria-labelledby="riepilogo-tipo">
        <H className="h5" id="riepilogo-tipo">
          {t('practices.applicant.kindTitle')}
        </H>
        <DataList rows={kindRows} />
      </section>
      {applicant ? (
        <section aria-labelledby="riepilogo-richiedente">
          <H className="h5" id="riepilogo-richiedente">
            {t('practices.applicant.personTitle')}
          </H>
          <DataList rows={personRows(applicant)} />
        </section>
      ) : null}
      <section aria-labelledby="riepilogo-recapiti">
        <H className="h5" id="riepilogo-recapiti">
          {t('practices.applicant.contactsTitle')}
        </H>
        <DataList
          rows={[
            [t('practices.applicant.email'), value(form.contacts.email)],
            [t('practices.applicant.pec'), value(form.contacts.pec)],
            [t('practices.applicant.phone'), value(form.contacts.phone)],
            [t('practices.applicant.mobile'), value(form.contacts.mobile)],
          ]}
        />
      </section>
      <section aria-labelledby="riepilogo-persone">
        <H className="h5" id="riepilogo-persone">
          {t('practices.summary.moversTitle')}
        </H>
        <p>
          {t('practices.movers.wholeFamily')}: {yes(form.whole_family)}
        </p>
        {movers.length === 0 ? (
          <p>{t('practices.summary.noMovers')}</p>
        ) : (
          <DataTable
            caption={t('practices.summary.moversCaption', { count: movers.length })}
            captionClassName="visually-hidden"
            stackBelow="wide"
            rows={movers}
            rowKey={({ index }) => `${index}`}
            columns={[
              {
                key: 'name',
                header: t('practices.movers.person'),
                rowHeader: true,
                cell: ({ person, index }) => nameOf(person, index),
              },
              {
                key: 'fiscalCode',
                header: t('practices.person.fiscalCode'),
                className: 'identifier',
                cell: ({ person }) => value(person.fiscal_code),
              },
              {
                key: 'birth',
                header: t('practices.summary.birth'),
                cell: ({ person }) =>
                  `${date(person.birth_date)}, ${value(birthPlace(person.birth_place_code))}`,
              },
              {
                key: 'citizenship',
                header: t('practices.person.citizenship'),
                cell: ({ person }) => value(labelOf(choices.citizenships, person.citizenship)),
              },
              {
                key: 'relationship',
                header: t('practices.person.relationship'),
                cell: ({ person }) =>
                  person.applicant
                    ? t('practices.movers.applicant')
                    : value(labelOf(choices.relationships, person.relationship)),
              },
              {
                key: 'licence',
                header: t('practices.movers.licences'),
                cell: ({ person }) => yes(person.has_driving_licence),
              },
              {
                key: 'vehicles',
                header: t('practices.movers.vehicles'),
                cell: ({ person }) => yes(person.has_vehicles),
              },
            ]}
          />
        )}
      </section>
      {drivers.length > 0 ? (
        <section aria-labelledby="riepilogo-patenti">
          <H className="h5" id="riepilogo-patenti">
            {t('practices.summary.licencesTitle')}
          </H>
          {drivers.map(({ person, index }) => {
            const licence = person.driving_licence
            const rows: DataRow[] = []
            if (person.has_driving_licence)
              rows.push(
                [t('practices.licences.number'), value(licence?.number), true],
                [t('practices.licences.category'), value(licence?.category)],
                [t('practices.licences.issuedBy'), value(licence?.issued_by)],
                [t('practices.licences.issuedOn'), date(licence?.issued_on)],
              )
            person.vehicles.forEach((vehicle, v) =>
              rows.push([
                t('practices.summary.vehicle', { number: v + 1 }),
                `${labelOf(choices.vehicle_kinds, vehicle.kind)} ${vehicle.plate}`.trim(),
              ]),
            )
            return (
              <div key={index}>
                <p className="fw-semibold mb-1">{nameOf(person, index)}</p>
                <DataList rows={rows} />
              </div>
            )
          })}
        </section>
      ) : null}
      <section aria-labelledby="riepilogo-abitazione">
        <H className="h5" id="riepilogo-abitazione">
          {t('practices.dwelling.addressTitle')}
        </H>
        <DataList
          rows={[
            [t('practices.dwelling.street'), value(address.street)],
            [t('practices.dwelling.houseNumber'), value(address.house_number)],
            [t('practices.dwelling.staircase'), value(address.staircase)],
            [t('practices.dwelling.floor'), value(address.floor)],
            [t('practices.dwelling.interior'), value(address.interior)],
          ]}
        />
      </section>
      <section aria-labelledby="riepilogo-titolo">
        <H className="h5" id="riepilogo-titolo">
          {t('practices.dwelling.occupancyTitle')}
        </H>
        <DataList rows={occupancyRows} />
      </section>
      <section aria-labelledby="riepilogo-residenti">
        <H className="h5" id="riepilogo-residenti">
          {t('practices.dwelling.residentsTitle')}
        </H>
        {resident ? (
          <DataList
            rows={[
              [t('practices.person.surname'), value(resident.surname)],
              [t('practices.person.name'), value(resident.name)],
              [t('practices.person.birthDate'), date(resident.birth_date)],
              [t('practices.person.fiscalCode'), value(resident.fiscal_code), true],
              [
                t('practices.dwelling.bond'),
                resident.bond
                  ? labelOf(choices.relationships, resident.bond)
                  : t('practices.dwelling.noBond'),
              ],
            ]}
          />
        ) : (
          <p>{t('practices.summary.noResidents')}</p>
        )}
      </section>
    </div>
  )
}
