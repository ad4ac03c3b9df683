import type {
  Citizenship,
  Declaration,
  FieldView,
  Issue,
  MoveKind,
  OccupancyTitle,
  PracticeType,
  Relationship,
  Sex,
  StepCode,
  VehicleKind,
} from './api/types'

// The declaration as the wizard edits it: every part present (the API may leave parts out
// of a draft), dates as `YYYY-MM-DD` or null.

export interface LicenceForm {
  number: string
  category: string
  issued_by: string
  issued_on: string | null
}

export interface VehicleForm {
  kind: VehicleKind
  plate: string
}

export interface PersonForm {
  registry_person_id: string | null
  applicant: boolean
  moves: boolean
  surname: string
  name: string
  sex: Sex | null
  birth_date: string | null
  birth_place_code: string
  fiscal_code: string
  citizenship: Citizenship | null
  relationship: Relationship | null
  has_driving_licence: boolean
  driving_licence: LicenceForm | null
  has_vehicles: boolean
  vehicles: VehicleForm[]
}

export interface ExistingResidentForm {
  surname: string
  name: string
  birth_date: string | null
  fiscal_code: string
  bond: Relationship | null
}

export interface DeclarationForm {
  kind: MoveKind | null
  other_kind: string
  previous_place_code: string
  previous_address_abroad: string
  whole_family: boolean
  persons: PersonForm[]
  address: {
    street: string
    house_number: string
    interior: string
    staircase: string
    floor: string
  }
  occupancy: {
    title: OccupancyTitle | null
    other_title: string
    registration_office: string
    registration_number: string
    registration_date: string | null
    cadastral_section: string
    cadastral_sheet: string
    cadastral_parcel: string
    cadastral_subparcel: string
  }
  existing_resident: ExistingResidentForm | null
  contacts: { phone: string; mobile: string; email: string; pec: string }
}

/** The steps in their order; `documents` comes before the draft exists. */
export const STEP_ORDER: readonly StepCode[] = [
  'documents',
  'applicant',
  'movers',
  'licences_and_vehicles',
  'dwelling',
  'attachments',
  'summary',
]

export const RELATIONSHIPS: readonly Relationship[] = [
  'head',
  'spouse',
  'civil_partner',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'parent_in_law',
  'sibling',
  'cohabitant',
  'other_relative',
  'not_related',
]

export const MOVE_KINDS: readonly MoveKind[] = [
  'within_municipality',
  'from_other_municipality',
  'from_abroad',
  'other',
]

export const CITIZENSHIPS: readonly Citizenship[] = ['it', 'eu', 'non_eu']

export const VEHICLE_KINDS: readonly VehicleKind[] = [
  'car',
  'motorcycle',
  'moped',
  'trailer',
  'other',
]

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const maybe = <T>(value: T | null | undefined): T | null => value ?? null

type Loose<T> = { [K in keyof T]?: T[K] | null }

function personForm(raw: Loose<PersonForm> & { driving_licence?: Loose<LicenceForm> | null }) {
  const licence = raw.driving_licence
  return {
    registry_person_id: maybe(raw.registry_person_id),
    applicant: raw.applicant ?? false,
    moves: raw.moves ?? false,
    surname: text(raw.surname),
    name: text(raw.name),
    sex: maybe(raw.sex),
    birth_date: maybe(raw.birth_date),
    birth_place_code: text(raw.birth_place_code),
    fiscal_code: text(raw.fiscal_code),
    citizenship: maybe(raw.citizenship),
    relationship: maybe(raw.relationship),
    has_driving_licence: raw.has_driving_licence ?? false,
    driving_licence: licence
      ? {
          number: text(licence.number),
          category: text(licence.category),
          issued_by: text(licence.issued_by),
          issued_on: maybe(licence.issued_on),
        }
      : null,
    has_vehicles: raw.has_vehicles ?? false,
    vehicles: (raw.vehicles ?? []).map((v) => ({ kind: v.kind, plate: text(v.plate) })),
  } satisfies PersonForm
}

/** The draft's data, every part filled in with its empty value. */
export function toForm(data: Declaration | null | undefined): DeclarationForm {
  const raw = (data ?? {}) as Loose<DeclarationForm> & {
    persons?: Array<Parameters<typeof personForm>[0]> | null
    address?: Loose<DeclarationForm['address']> | null
    occupancy?: Loose<DeclarationForm['occupancy']> | null
    existing_resident?: Loose<ExistingResidentForm> | null
    contacts?: Loose<DeclarationForm['contacts']> | null
  }
  const address: Loose<DeclarationForm['address']> = raw.address ?? {}
  const occupancy: Loose<DeclarationForm['occupancy']> = raw.occupancy ?? {}
  const contacts: Loose<DeclarationForm['contacts']> = raw.contacts ?? {}
  const resident = raw.existing_resident
  return {
    kind: maybe(raw.kind),
    other_kind: text(raw.other_kind),
    previous_place_code: text(raw.previous_place_code),
    previous_address_abroad: text(raw.previous_address_abroad),
    whole_family: raw.whole_family ?? false,
    persons: (raw.persons ?? []).map(personForm),
    address: {
      street: text(address.street),
      house_number: text(address.house_number),
      interior: text(address.interior),
      staircase: text(address.staircase),
      floor: text(address.floor),
    },
    occupancy: {
      title: maybe(occupancy.title),
      other_title: text(occupancy.other_title),
      registration_office: text(occupancy.registration_office),
      registration_number: text(occupancy.registration_number),
      registration_date: maybe(occupancy.registration_date),
      cadastral_section: text(occupancy.cadastral_section),
      cadastral_sheet: text(occupancy.cadastral_sheet),
      cadastral_parcel: text(occupancy.cadastral_parcel),
      cadastral_subparcel: text(occupancy.cadastral_subparcel),
    },
    existing_resident: resident
      ? {
          surname: text(resident.surname),
          name: text(resident.name),
          birth_date: maybe(resident.birth_date),
          fiscal_code: text(resident.fiscal_code),
          bond: maybe(resident.bond),
        }
      : null,
    contacts: {
      phone: text(contacts.phone),
      mobile: text(contacts.mobile),
      email: text(contacts.email),
      pec: text(contacts.pec),
    },
  }
}

/** The form as the API takes it back (`SaveDraft.data`). */
export function toDeclaration(form: DeclarationForm): Declaration {
  return form
}

export function emptyPerson(): PersonForm {
  return personForm({ moves: true })
}

export function emptyLicence(): LicenceForm {
  return { number: '', category: '', issued_by: '', issued_on: null }
}

/** Whether the "Patenti e veicoli" step is asked: someone who moves drives or owns vehicles. */
export function needsLicences(form: DeclarationForm): boolean {
  return form.persons.some((p) => p.moves && (p.has_driving_licence || p.has_vehicles))
}

/** The wizard's steps for this declaration, in order (the checklist comes before it). */
export function wizardSteps(form: DeclarationForm): StepCode[] {
  return STEP_ORDER.filter(
    (step) => step !== 'documents' && (step !== 'licences_and_vehicles' || needsLicences(form)),
  )
}

/** The step shown for an address's `?passo=` and the draft's own step. */
export function resolveStep(
  steps: readonly StepCode[],
  fromAddress: string | null,
  saved: StepCode | null | undefined,
): StepCode {
  const wanted = [fromAddress, saved].find((s): s is StepCode => steps.includes(s as StepCode))
  if (wanted) return wanted
  // The licences step left out (nobody drives any more): the one after it.
  if (saved === 'licences_and_vehicles') return 'dwelling'
  return steps[0] ?? 'applicant'
}

export function stepIndex(step: StepCode): number {
  return STEP_ORDER.indexOf(step)
}

/** A field's path with its list positions as the catalogue writes them (`persons[].name`). */
export function genericPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]')
}

/** The id of a field's input, from its JSON path (`persons[1].fiscal_code`). */
export function fieldId(path: string): string {
  return `pratica-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`
}

/** Whether the registry decides this field: it or a part that holds it is in `locked`. */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => l === path || path.startsWith(`${l}.`) || path.startsWith(`${l}[`))
}

/** The particulars every person has: required unless the catalogue says otherwise. */
const PERSON_REQUIRED = new Set([
  'persons[].surname',
  'persons[].name',
  'persons[].sex',
  'persons[].birth_date',
  'persons[].birth_place_code',
  'persons[].fiscal_code',
  'persons[].citizenship',
])

/** Which fields are marked *: the practice type's step fields, by generic path. */
export function requiredFields(type: PracticeType | undefined): (path: string) => boolean {
  const known = new Map<string, boolean>()
  for (const step of type?.steps ?? [])
    for (const field of step.fields as FieldView[]) known.set(field.key, field.required)
  return (path) => {
    const key = genericPath(path)
    return known.get(key) ?? PERSON_REQUIRED.has(key)
  }
}

/** The server's issues, the messages of each field joined. */
export function issuesByField(issues: readonly Issue[]): Map<string, string> {
  const grouped = new Map<string, string>()
  for (const issue of issues) {
    const before = grouped.get(issue.field)
    grouped.set(issue.field, before ? `${before} ${issue.message}` : issue.message)
  }
  return grouped
}

/** Where an issue is shown: a field of a person not shown on that step goes to its row. */
export function issuesOfStep(issues: readonly Issue[], step: StepCode): Issue[] {
  return issues.filter((issue) => issue.step === step)
}

/** The index of the applicant in `persons`, or -1. */
export function applicantIndex(form: DeclarationForm): number {
  return form.persons.findIndex((p) => p.applicant)
}
