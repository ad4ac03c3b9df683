import { useTranslation } from 'react-i18next'
import { CheckboxField } from '@/components/CheckboxField'
import type { OccupancyTitle, Relationship } from '../../api/types'
import { fieldId } from '../../model'
import { DeclDate, DeclRadio, DeclSelect, DeclText, useFieldRules } from '../fields'
import { optionsOf } from '../labels'
import { StreetPicker } from '../StreetPicker'
import type { StepProps } from './stepProps'

/**
 * "Nuova abitazione": the address (a street of the municipality's list), the title of
 * occupancy with its proofs, and the persons already living there.
 */
export function DwellingStep({ form, edit, type }: StepProps) {
  const { t } = useTranslation()
  const rules = useFieldRules()
  const title = type.choices.occupancy_titles.find((o) => o.code === form.occupancy.title)
  const resident = form.existing_resident
  return (
    <>
      <fieldset className="declaration-section">
        <legend className="h4">{t('practices.dwelling.addressTitle')}</legend>
        <StreetPicker
          id={fieldId('address.street')}
          label={t('practices.dwelling.street')}
          value={form.address.street}
          required={rules.required('address.street')}
          error={rules.errorOf('address.street')}
          onChange={(street) => edit((f) => void (f.address.street = street))}
        />
        <div className="row">
          <div className="col-6 col-md-3">
            <DeclText
              path="address.house_number"
              label={t('practices.dwelling.houseNumber')}
              value={form.address.house_number}
              maxLength={10}
              upper
              onChange={(v) => edit((f) => void (f.address.house_number = v))}
            />
          </div>
          <div className="col-6 col-md-3">
            <DeclText
              path="address.staircase"
              label={t('practices.dwelling.staircase')}
              value={form.address.staircase}
              maxLength={10}
              onChange={(v) => edit((f) => void (f.address.staircase = v))}
            />
          </div>
          <div className="col-6 col-md-3">
            <DeclText
              path="address.floor"
              label={t('practices.dwelling.floor')}
              value={form.address.floor}
              maxLength={10}
              onChange={(v) => edit((f) => void (f.address.floor = v))}
            />
          </div>
          <div className="col-6 col-md-3">
            <DeclText
              path="address.interior"
              label={t('practices.dwelling.interior')}
              value={form.address.interior}
              maxLength={10}
              onChange={(v) => edit((f) => void (f.address.interior = v))}
            />
          </div>
        </div>
      </fieldset>
      <fieldset className="declaration-section">
        <legend className="h4">{t('practices.dwelling.occupancyTitle')}</legend>
        <DeclRadio<OccupancyTitle>
          path="occupancy.title"
          label={t('practices.dwelling.title')}
          options={optionsOf(type.choices.occupancy_titles)}
          value={form.occupancy.title}
          inline={false}
          onChange={(code) => edit((f) => void (f.occupancy.title = code))}
        />
        {form.occupancy.title === 'other' ? (
          <DeclText
            path="occupancy.other_title"
            label={t('practices.dwelling.otherTitle')}
            value={form.occupancy.other_title}
            required
            onChange={(v) => edit((f) => void (f.occupancy.other_title = v))}
          />
        ) : null}
        {title?.needs_registration ? (
          <div className="row">
            <p className="col-12">{t('practices.dwelling.registrationLead')}</p>
            <div className="col-md-4">
              <DeclText
                path="occupancy.registration_office"
                label={t('practices.dwelling.registrationOffice')}
                value={form.occupancy.registration_office}
                required
                onChange={(v) => edit((f) => void (f.occupancy.registration_office = v))}
              />
            </div>
            <div className="col-md-4">
              <DeclText
                path="occupancy.registration_number"
                label={t('practices.dwelling.registrationNumber')}
                value={form.occupancy.registration_number}
                required
                onChange={(v) => edit((f) => void (f.occupancy.registration_number = v))}
              />
            </div>
            <div className="col-md-4">
              <DeclDate
                path="occupancy.registration_date"
                label={t('practices.dwelling.registrationDate')}
                value={form.occupancy.registration_date}
                required
                onChange={(v) => edit((f) => void (f.occupancy.registration_date = v))}
              />
            </div>
          </div>
        ) : null}
        {title?.needs_cadastre ? (
          <div className="row">
            <p className="col-12">{t('practices.dwelling.cadastreLead')}</p>
            <div className="col-6 col-md-3">
              <DeclText
                path="occupancy.cadastral_section"
                label={t('practices.dwelling.section')}
                value={form.occupancy.cadastral_section}
                onChange={(v) => edit((f) => void (f.occupancy.cadastral_section = v))}
              />
            </div>
            <div className="col-6 col-md-3">
              <DeclText
                path="occupancy.cadastral_sheet"
                label={t('practices.dwelling.sheet')}
                value={form.occupancy.cadastral_sheet}
                required
                onChange={(v) => edit((f) => void (f.occupancy.cadastral_sheet = v))}
              />
            </div>
            <div className="col-6 col-md-3">
              <DeclText
                path="occupancy.cadastral_parcel"
                label={t('practices.dwelling.parcel')}
                value={form.occupancy.cadastral_parcel}
                required
                onChange={(v) => edit((f) => void (f.occupancy.cadastral_parcel = v))}
              />
            </div>
            <div className="col-6 col-md-3">
              <DeclText
                path="occupancy.cadastral_subparcel"
                label={t('practices.dwelling.subparcel')}
                value={form.occupancy.cadastral_subparcel}
                onChange={(v) => edit((f) => void (f.occupancy.cadastral_subparcel = v))}
              />
            </div>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="declaration-section">
        <legend className="h4">{t('practices.dwelling.residentsTitle')}</legend>
        <div className="mb-3">
          <CheckboxField
            id={fieldId('existing_resident')}
            label={t('practices.dwelling.othersLive')}
            checked={resident !== null}
            onChange={(e) =>
              edit((f) => {
                f.existing_resident = e.target.checked
                  ? { surname: '', name: '', birth_date: null, fiscal_code: '', bond: null }
                  : null
              })
            }
          />
        </div>
        {resident ? (
          <>
            <p>{t('practices.dwelling.residentLead')}</p>
            <div className="row">
              <div className="col-md-6">
                <DeclText
                  path="existing_resident.surname"
                  label={t('practices.person.surname')}
                  value={resident.surname}
                  upper
                  required
                  onChange={(v) => edit((f) => void (f.existing_resident!.surname = v))}
                />
              </div>
              <div className="col-md-6">
                <DeclText
                  path="existing_resident.name"
                  label={t('practices.person.name')}
                  value={resident.name}
                  upper
                  required
                  onChange={(v) => edit((f) => void (f.existing_resident!.name = v))}
                />
              </div>
              <div className="col-md-6">
                <DeclDate
                  path="existing_resident.birth_date"
                  label={t('practices.person.birthDate')}
                  value={resident.birth_date}
                  required={false}
                  onChange={(v) => edit((f) => void (f.existing_resident!.birth_date = v))}
                />
              </div>
              <div className="col-md-6">
                <DeclText
                  path="existing_resident.fiscal_code"
                  label={t('practices.person.fiscalCode')}
                  value={resident.fiscal_code}
                  maxLength={16}
                  upper
                  required={false}
                  onChange={(v) => edit((f) => void (f.existing_resident!.fiscal_code = v))}
                />
              </div>
              <div className="col-12">
                <DeclSelect<Relationship>
                  path="existing_resident.bond"
                  label={t('practices.dwelling.bond')}
                  emptyLabel={t('practices.dwelling.noBond')}
                  options={optionsOf(type.choices.relationships)}
                  value={resident.bond}
                  onChange={(bond) => edit((f) => void (f.existing_resident!.bond = bond))}
                />
              </div>
            </div>
          </>
        ) : null}
      </fieldset>
    </>
  )
}
