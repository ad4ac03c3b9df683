import { createContext, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { genericPath, type PersonForm } from '../model'
import { usePersonName } from './labels'

/** The persons of the declaration, to name the one an issue is about. */
export const PersonsContext = createContext<PersonForm[]>([])

/**
 * A field's name from its JSON path, with the person it belongs to:
 * `persons[1].fiscal_code` → "Codice fiscale (ROSSI ANNA)". Empty when the path is unknown.
 */
export function useIssueLabel() {
  const { t } = useTranslation()
  const persons = useContext(PersonsContext)
  const nameOf = usePersonName()
  return (path: string) => {
    const key = genericPath(path).replace(/\[\]/g, '').replace(/\./g, '__')
    const label = t(`practices.fields.${key}`, { defaultValue: '' })
    if (!label) return ''
    const details: string[] = []
    const person = /^persons\[(\d+)\]/.exec(path)
    if (person) {
      const index = Number(person[1])
      const found = persons[index]
      details.push(
        found ? nameOf(found, index) : t('practices.person.unnamed', { number: index + 1 }),
      )
    }
    const vehicle = /vehicles\[(\d+)\]/.exec(path)
    if (vehicle) details.push(t('practices.summary.vehicle', { number: Number(vehicle[1]) + 1 }))
    return details.length > 0 ? `${label} (${details.join(', ')})` : label
  }
}
