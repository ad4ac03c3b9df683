import { useTranslation } from 'react-i18next'
import type { Choices } from '../api/types'
import type { PersonForm } from '../model'

/** The options of a list of choices, as the radio groups and selects take them. */
export function optionsOf<V extends string>(
  choices: ReadonlyArray<{ code: string; label: string }>,
) {
  return choices.map((c) => ({ value: c.code as V, label: c.label }))
}

/** The label of a code among the choices, or the code when unknown. */
export function labelOf(
  choices: ReadonlyArray<{ code: string; label: string }>,
  code: string | null | undefined,
): string {
  if (!code) return ''
  return choices.find((c) => c.code === code)?.label ?? code
}

/** A person as the wizard names them: "ROSSI MARIO", or "Persona 3" before a name is typed. */
export function usePersonName() {
  const { t } = useTranslation()
  return (person: PersonForm, index: number) => {
    const name = `${person.surname} ${person.name}`.trim()
    return name || t('practices.person.unnamed', { number: index + 1 })
  }
}

export function useSexOptions() {
  const { t } = useTranslation()
  return [
    { value: 'M' as const, label: t('practices.person.sexM') },
    { value: 'F' as const, label: t('practices.person.sexF') },
  ]
}

export type { Choices }
