import { Button } from 'design-react-kit'
import { useTranslation } from 'react-i18next'
import type { VehicleKind } from '../../api/types'
import { emptyLicence, fieldId, type LicenceForm } from '../../model'
import { DeclDate, DeclSelect, DeclText, useFieldRules } from '../fields'
import { optionsOf, usePersonName } from '../labels'
import type { StepProps } from './stepProps'

/** "Patenti e veicoli": the licence of each mover who drives, the vehicles of those who own some. */
export function LicencesStep({ form, edit, type }: StepProps) {
  const { t } = useTranslation()
  const rules = useFieldRules()
  const nameOf = usePersonName()
  const categories = type.choices.licence_categories.map((c) => ({ value: c, label: c }))
  const vehicleKinds = optionsOf<VehicleKind>(type.choices.vehicle_kinds)

  const editLicence = (index: number, change: Partial<LicenceForm>) =>
    edit((f) => {
      const person = f.persons[index]!
      person.driving_licence = { ...(person.driving_licence ?? emptyLicence()), ...change }
    })

  return (
    <>
      {form.persons.map((person, index) => {
        if (!person.moves || (!person.has_driving_licence && !person.has_vehicles)) return null
        const name = nameOf(person, index)
        const licence = person.driving_licence ?? emptyLicence()
        const base = `persons[${index}]`
        const vehiclesError = rules.errorOf(`${base}.vehicles`)
        return (
          <section
            key={index}
            className="declaration-section"
            aria-labelledby={`licences-${index}`}
          >
            <h3 className="h4" id={`licences-${index}`}>
              {name}
            </h3>
            {person.has_driving_licence ? (
              <fieldset className="mb-3">
                <legend className="h5">{t('practices.licences.licenceOf', { name })}</legend>
                <div className="row">
                  <div className="col-md-6">
                    <DeclText
                      path={`${base}.driving_licence.number`}
                      label={t('practices.licences.number')}
                      value={licence.number}
                      upper
                      maxLength={20}
                      onChange={(number) => editLicence(index, { number })}
                    />
                  </div>
                  <div className="col-md-6">
                    <DeclSelect
                      path={`${base}.driving_licence.category`}
                      label={t('practices.licences.category')}
                      emptyLabel={t('practices.wizard.choose')}
                      options={categories}
                      value={licence.category || null}
                      onChange={(category) => editLicence(index, { category: category ?? '' })}
                    />
                  </div>
                  <div className="col-md-6">
                    <DeclText
                      path={`${base}.driving_licence.issued_by`}
                      label={t('practices.licences.issuedBy')}
                      hint={t('practices.licences.issuedByHint')}
                      value={licence.issued_by}
                      onChange={(issued_by) => editLicence(index, { issued_by })}
                    />
                  </div>
                  <div className="col-md-6">
                    <DeclDate
                      path={`${base}.driving_licence.issued_on`}
                      label={t('practices.licences.issuedOn')}
                      value={licence.issued_on}
                      onChange={(issued_on) => editLicence(index, { issued_on })}
                    />
                  </div>
                </div>
              </fieldset>
            ) : null}
            {person.has_vehicles ? (
              <fieldset
                className="mb-3"
                id={fieldId(`${base}.vehicles`)}
                aria-describedby={
                  vehiclesError ? `${fieldId(`${base}.vehicles`)}-error` : undefined
                }
              >
                <legend className="h5">{t('practices.licences.vehiclesOf', { name })}</legend>
                {vehiclesError ? (
                  <div
                    id={`${fieldId(`${base}.vehicles`)}-error`}
                    className="text-field-error"
                    role="alert"
                  >
                    {vehiclesError}
                  </div>
                ) : null}
                {person.vehicles.map((vehicle, v) => (
                  <div className="row align-items-end vehicle-row" key={v}>
                    <div className="col-md-5">
                      <DeclSelect<VehicleKind>
                        path={`${base}.vehicles[${v}].kind`}
                        label={t('practices.licences.vehicleKind', { number: v + 1 })}
                        emptyLabel={t('practices.wizard.choose')}
                        options={vehicleKinds}
                        value={vehicle.kind}
                        onChange={(kind) =>
                          edit((f) => void (f.persons[index]!.vehicles[v]!.kind = kind ?? 'car'))
                        }
                      />
                    </div>
                    <div className="col-md-5">
                      <DeclText
                        path={`${base}.vehicles[${v}].plate`}
                        label={t('practices.licences.plate', { number: v + 1 })}
                        value={vehicle.plate}
                        upper
                        maxLength={10}
                        onChange={(plate) =>
                          edit((f) => void (f.persons[index]!.vehicles[v]!.plate = plate))
                        }
                      />
                    </div>
                    <div className="col-md-2 mb-3">
                      <Button
                        color="danger"
                        outline
                        size="sm"
                        type="button"
                        onClick={() => edit((f) => void f.persons[index]!.vehicles.splice(v, 1))}
                      >
                        {t('practices.licences.removeVehicle', { number: v + 1, name })}
                      </Button>
                    </div>
                  </div>
                ))}
                <Button
                  color="primary"
                  outline
                  size="sm"
                  type="button"
                  onClick={() =>
                    edit((f) => void f.persons[index]!.vehicles.push({ kind: 'car', plate: '' }))
                  }
                >
                  {t('practices.licences.addVehicle')}
                </Button>
              </fieldset>
            ) : null}
          </section>
        )
      })}
    </>
  )
}
