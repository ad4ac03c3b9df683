// The declaration being written: what the declarant typed, kept per type while moving
// between the steps, and the request it becomes.
import type { Draft, Member } from './api/usePrefill'
import type { DeclarationRequest } from './api/usePreviewSelfDeclaration'
import type { DeclarationField, SelfDeclarationType } from './api/useSelfDeclarationTypes'

/** The declarant's particulars that open every form (docs/self-declarations.md). */
export const PARTICULARS = [
  'surname',
  'name',
  'sex',
  'birth_date',
  'birth_place',
  'fiscal_code',
  'residence_municipality',
  'residence_address',
] as const

/** A family row with a key of its own, so that removing one keeps the others in place. */
export interface MemberRow extends Member {
  key: number
}

/** One type's form as the declarant left it, and what the portal said about its fields. */
export interface DeclarationDraft {
  values: Record<string, string>
  members: MemberRow[]
  /** Fields the declarant may not change (the particulars). */
  locked: string[]
  /** Fields whose value came from the registry. */
  fromRegistry: string[]
  resident: boolean
  /** The values as the portal filled them, to say when a registry value was changed. */
  prefilled: Record<string, string>
}

let rowSerial = 0

export function emptyMember(): MemberRow {
  return {
    key: rowSerial++,
    surname: '',
    name: '',
    birth_date: '',
    birth_place: '',
    relationship: '',
  }
}

/** The form as the portal prefilled it. */
export function draftFrom(prefill: Draft): DeclarationDraft {
  return {
    values: { ...prefill.values },
    members: prefill.members.map((m) => ({ ...m, key: rowSerial++ })),
    locked: prefill.locked,
    fromRegistry: prefill.from_registry,
    resident: prefill.resident,
    prefilled: { ...prefill.values },
  }
}

export function hasMembers(type: SelfDeclarationType): boolean {
  return type.fields.some((f) => f.kind === 'members')
}

/**
 * The request for `type`: every field the declarant may write, as written (an empty
 * registry value clears it), the locked ones left out (the server puts them back), and the
 * family rows for the forms that have them.
 */
export function requestOf(type: SelfDeclarationType, draft: DeclarationDraft): DeclarationRequest {
  const values: Record<string, string> = {}
  for (const field of type.fields) {
    if (field.kind === 'members' || draft.locked.includes(field.key)) continue
    const value = draft.values[field.key] ?? ''
    if (value.trim() === '' && field.source === 'declarant') continue
    values[field.key] = value
  }
  const members = hasMembers(type)
    ? draft.members.map(({ surname, name, birth_date, birth_place, relationship }) => ({
        surname,
        name,
        birth_date,
        birth_place,
        relationship,
      }))
    : []
  return { type: type.code, values, members }
}

/** The particulars first, then the fields of the kind. */
export function splitFields(type: SelfDeclarationType): {
  particulars: DeclarationField[]
  declared: DeclarationField[]
} {
  const isParticular = (f: DeclarationField) => (PARTICULARS as readonly string[]).includes(f.key)
  return {
    particulars: type.fields.filter(isParticular),
    declared: type.fields.filter((f) => !isParticular(f)),
  }
}

/** The element id of a field's input; a family cell is `members[2].birth_date`. */
export function fieldId(key: string): string {
  return `declaration-${key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '')}`
}

/** The types grouped as the law groups them: art. 46, then art. 47. */
export function byArticle(types: SelfDeclarationType[]) {
  return [46, 47]
    .map((article) => ({ article, types: types.filter((t) => t.article === article) }))
    .filter((group) => group.types.length > 0)
}
