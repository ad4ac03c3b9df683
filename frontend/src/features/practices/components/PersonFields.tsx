import { useTranslation } from 'react-i18next'
import type { Choices, Citizenship, Relationship } from '../api/types'
import type { PersonForm } from '../model'
import { DeclDate, DeclPlace, DeclRadio, DeclSelect, DeclText } from './fields'
import { optionsOf, useSexOptions } from './labels'

interface PersonFieldsProps {
  index: number
  person: PersonForm
  choices: Choices
  onChange: (change: Partial<PersonForm>) => void
  /** Citizenship and relationship too (a person added in "Chi si trasferisce"). */
  withRelationship?: boolean
}

/** The particulars of one person of the declaration; those the registry decides are read-only. */
export function PersonFields({
  index,
  person,
  choices,
  onChange,
  withRelationship,
}: PersonFieldsProps) {
  const { t } = useTranslation()
  const sexOptions = useSexOptions()
  const path = (field: string) => `persons[${index}].${field}`
  return (
    <div className="row">
      <div className="col-md-6">
        <DeclText
          path={path('surname')}
          label={t('practices.person.surname')}
          value={person.surname}
          upper
          onChange={(surname) => onChange({ surname })}
        />
      </div>
      <div className="col-md-6">
        <DeclText
          path={path('name')}
          label={t('practices.person.name')}
          value={person.name}
          upper
          onChange={(name) => onChange({ name })}
        />
      </div>
      <div className="col-md-6">
        <DeclRadio
          path={path('sex')}
          label={t('practices.person.sex')}
          options={sexOptions}
          value={person.sex}
          onChange={(sex) => onChange({ sex })}
        />
      </div>
      <div className="col-md-6">
        <DeclDate
          path={path('birth_date')}
          label={t('practices.person.birthDate')}
          value={person.birth_date}
          onChange={(birth_date) => onChange({ birth_date })}
        />
      </div>
      <div className="col-md-6">
        <DeclPlace
          path={path('birth_place_code')}
          label={t('practices.person.birthPlace')}
          value={person.birth_place_code}
          onChange={(birth_place_code) => onChange({ birth_place_code })}
        />
      </div>
      <div className="col-md-6">
        <DeclText
          path={path('fiscal_code')}
          label={t('practices.person.fiscalCode')}
          value={person.fiscal_code}
          maxLength={16}
          upper
          onChange={(fiscal_code) => onChange({ fiscal_code })}
        />
      </div>
      <div className="col-md-6">
        <DeclRadio<Citizenship>
          path={path('citizenship')}
          label={t('practices.person.citizenship')}
          options={optionsOf(choices.citizenships)}
          value={person.citizenship}
          onChange={(citizenship) => onChange({ citizenship })}
        />
      </div>
      {withRelationship ? (
        <div className="col-md-6">
          <DeclSelect<Relationship>
            path={path('relationship')}
            label={t('practices.person.relationship')}
            emptyLabel={t('practices.wizard.choose')}
            options={optionsOf(choices.relationships)}
            value={person.relationship}
            onChange={(relationship) => onChange({ relationship })}
          />
        </div>
      ) : null}
    </div>
  )
}
