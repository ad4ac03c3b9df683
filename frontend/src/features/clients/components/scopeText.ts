import type { TFunction } from 'i18next'
import type { Scope } from '../api/types'

// A scope's code has a colon ("registry:check"), which i18next would read as a namespace:
// the texts are looked up with the code as it is, without namespaces.

/** A scope's name, as the form and the list show it (its code when unknown). */
export function scopeLabel(t: TFunction, scope: string): string {
  return t(`clients.scopes.${scope}`, { nsSeparator: false, defaultValue: scope })
}

/** What a scope allows the application to do. */
export function scopeMeaning(t: TFunction, scope: Scope): string {
  return t(`clients.scopeMeanings.${scope}`, { nsSeparator: false, defaultValue: '' })
}
