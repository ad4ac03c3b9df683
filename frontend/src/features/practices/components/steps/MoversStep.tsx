import { Button } from 'design-react-kit'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '@/components/DataTable'
import type { Citizenship, Relationship } from '../../api/types'
import { emptyPerson, fieldId, type PersonForm } from '../../model'
import { DeclCheckbox, useFieldRules } from '../fields'
import { labelOf, usePersonName } from '../labels'
import { PersonFields } from '../PersonFields'
import type { StepProps } from './stepProps'

interface Row {
  person: PersonForm
  index: number
}

/** A check box in a table cell, named by its column and the person. */
function CellCheck({
  path,
  label,
  checked,
  onChange,
}: {
  path: string
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const rules = useFieldRules()
  const id = fieldId(path)
  return (
    <div className="form-check m-0">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={rules.locked(path)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="movers-check-label">
        <span className="visually-hidden">{label}</span>
      </label>
    </div>
  )
}

function CellError({ path }: { path: string }) {
  const rules = useFieldRules()
  const error = rules.errorOf(path)
  return error ? (
    <div id={`${fieldId(path)}-error`} className="text-field-error" role="alert">
      {error}
    </div>
  ) : null
}

/**
 * "Chi si trasferisce" (seed 000): the whole family or chosen members, with citizenship IT /
 * UE / Extra UE, relationship, driving licences and vehicles; "Inserisci nuovo" adds a person.
 */
export function MoversStep({ form, edit, type }: StepProps) {
  const { t } = useTranslation()
  const rules = useFieldRules()
  const nameOf = usePersonName()
  const { choices } = type
  const added = useRef<number | null>(null)

  useEffect(() => {
    if (added.current === null) return
    document.getElementById(fieldId(`persons[${added.current}].surname`))?.focus()
    added.current = null
  }, [form.persons.length])

  const change = (index: number, changes: Partial<PersonForm>) =>
    edit((f) => {
      Object.assign(f.persons[index]!, changes)
      if (changes.moves === false && f.persons[index]!.registry_person_id) f.whole_family = false
    })

  const rows: Row[] = form.persons.map((person, index) => ({ person, index }))
  const addedRows = rows.filter((r) => !r.person.applicant && !r.person.registry_person_id)
  const citizenshipOptions = choices.citizenships

  return (
    <>
      <DeclCheckbox
        path="whole_family"
        label={t('practices.movers.wholeFamily')}
        checked={form.whole_family}
        onChange={(checked) =>
          edit((f) => {
            f.whole_family = checked
            if (checked)
              for (const p of f.persons) if (p.registry_person_id || p.applicant) p.moves = true
          })
        }
      />
      <div id={fieldId('persons')} tabIndex={-1}>
        <CellError path="persons" />
        <DataTable<Row>
          caption={t('practices.movers.caption')}
          stackBelow="wide"
          className="movers-table"
          rows={rows}
          rowKey={(row) => `${row.index}`}
          columns={[
            {
              key: 'moves',
              header: t('practices.movers.moves'),
              cell: ({ person, index }) => (
                <CellCheck
                  path={`persons[${index}].moves`}
                  label={t('practices.movers.movesOf', { name: nameOf(person, index) })}
                  checked={person.moves}
                  onChange={(moves) => change(index, { moves })}
                />
              ),
            },
            {
              key: 'name',
              header: t('practices.movers.person'),
              rowHeader: true,
              cell: ({ person, index }) => (
                <>
                  {nameOf(person, index)}
                  {person.applicant ? (
                    <span className="d-block small">{t('practices.movers.applicantMark')}</span>
                  ) : null}
                </>
              ),
            },
            {
              key: 'citizenship',
              header: t('practices.person.citizenship'),
              cell: ({ person, index }) => {
                const path = `persons[${index}].citizenship`
                const editable =
                  !person.applicant && person.registry_person_id !== null && !rules.locked(path)
                if (!editable)
                  return (
                    labelOf(citizenshipOptions, person.citizenship) || t('practices.movers.toGive')
                  )
                const error = rules.errorOf(path)
                return (
                  <fieldset className="citizenship-choice" id={fieldId(path)}>
                    <legend className="visually-hidden">
                      {t('practices.movers.citizenshipOf', { name: nameOf(person, index) })}
                    </legend>
                    {citizenshipOptions.map((c) => {
                      const id = `${fieldId(path)}-${c.code}`
                      return (
                        <div className="form-check form-check-inline" key={c.code}>
                          <input
                            type="radio"
                            id={id}
                            name={fieldId(path)}
                            checked={person.citizenship === c.code}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${fieldId(path)}-error` : undefined}
                            onChange={() => change(index, { citizenship: c.code as Citizenship })}
                          />
                          <label htmlFor={id}>{c.label}</label>
                        </div>
                      )
                    })}
                    <CellError path={path} />
                  </fieldset>
                )
              },
            },
            {
              key: 'relationship',
              header: t('practices.person.relationship'),
              cell: ({ person, index }) => {
                const path = `persons[${index}].relationship`
                if (person.applicant) return t('practices.movers.applicant')
                if (!person.registry_person_id || rules.locked(path))
                  return (
                    labelOf(choices.relationships, person.relationship) ||
                    t('practices.movers.toGive')
                  )
                const error = rules.errorOf(path)
                return (
                  <>
                    <label htmlFor={fieldId(path)} className="visually-hidden">
                      {t('practices.movers.relationshipOf', { name: nameOf(person, index) })}
                    </label>
                    <select
                      id={fieldId(path)}
                      className={`form-select${error ? ' is-invalid' : ''}`}
                      value={person.relationship ?? ''}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${fieldId(path)}-error` : undefined}
                      onChange={(e) =>
                        change(index, {
                          relationship: (e.target.value || null) as Relationship | null,
                        })
                      }
                    >
                      <option value="">{t('practices.wizard.choose')}</option>
                      {choices.relationships.map((r) => (
                        <option key={r.code} value={r.code}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                    <CellError path={path} />
                  </>
                )
              },
            },
            {
              key: 'licence',
              header: t('practices.movers.licences'),
              cell: ({ person, index }) => (
                <CellCheck
                  path={`persons[${index}].has_driving_licence`}
                  label={t('practices.movers.licencesOf', { name: nameOf(person, index) })}
                  checked={person.has_driving_licence}
                  onChange={(has_driving_licence) => change(index, { has_driving_licence })}
                />
              ),
            },
            {
              key: 'vehicles',
              header: t('practices.movers.vehicles'),
              cell: ({ person, index }) => (
                <CellCheck
                  path={`persons[${index}].has_vehicles`}
                  label={t('practices.movers.vehiclesOf', { name: nameOf(person, index) })}
                  checked={person.has_vehicles}
                  onChange={(has_vehicles) => change(index, { has_vehicles })}
                />
              ),
            },
          ]}
        />
      </div>
      {addedRows.map(({ person, index }, n) => (
        <fieldset className="declaration-section added-person" key={index}>
          <legend className="h4">
            {t('practices.movers.addedTitle', { number: n + 1, name: nameOf(person, index) })}
          </legend>
          <PersonFields
            index={index}
            person={person}
            choices={choices}
            withRelationship
            onChange={(changes) => change(index, changes)}
          />
          <Button
            color="danger"
            outline
            size="sm"
            type="button"
            onClick={() =>
              edit((f) => {
                f.persons.splice(index, 1)
              })
            }
          >
            {t('practices.movers.remove', { name: nameOf(person, index) })}
          </Button>
        </fieldset>
      ))}
      <p className="mt-3">
        <Button
          color="primary"
          outline
          type="button"
          onClick={() => {
            added.current = form.persons.length
            edit((f) => void f.persons.push(emptyPerson()))
          }}
        >
          {t('practices.movers.add')}
        </Button>
      </p>
    </>
  )
}
