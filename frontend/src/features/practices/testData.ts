// Answers shaped as the practice endpoints give them (backend/src/practices/api/shapes.rs).

const field = (key: string, label: string, required: boolean) => ({ key, label, required })

export const residenceType = {
  code: 'cambio-residenza',
  name: 'Cambio di residenza o di indirizzo',
  description: 'Dichiarazione di residenza (art. 13 D.P.R. 223/1989).',
  steps: [
    { code: 'documents', title: 'Documenti da allegare', fields: [] },
    {
      code: 'applicant',
      title: 'Dati del richiedente',
      fields: [
        field('kind', 'Tipo di dichiarazione', true),
        field('contacts.email', 'E-mail', true),
        field('contacts.pec', 'PEC', false),
      ],
    },
    {
      code: 'movers',
      title: 'Chi si trasferisce',
      fields: [field('persons[].relationship', 'Rapporto con il richiedente', true)],
    },
    {
      code: 'licences_and_vehicles',
      title: 'Patenti e veicoli',
      fields: [field('persons[].driving_licence.number', 'Numero patente', true)],
    },
    {
      code: 'dwelling',
      title: 'Nuova abitazione',
      fields: [
        field('address.street', 'Via / piazza', true),
        field('address.house_number', 'Numero civico', true),
        field('occupancy.title', 'Titolo di occupazione', true),
      ],
    },
    { code: 'attachments', title: 'Allegati', fields: [] },
    { code: 'summary', title: 'Riepilogo', fields: [] },
  ],
  documents: [
    {
      code: 'documento-identita',
      label: "Copia del documento d'identità del richiedente",
      required: true,
      template_url: null,
      kinds: ['pdf', 'jpeg', 'png', 'p7m'],
      extensions: ['pdf', 'jpg', 'jpeg', 'png', 'p7m'],
    },
    {
      code: 'assenso-proprietario',
      label: 'Dichiarazione di assenso del proprietario',
      required: false,
      template_url: '/api/v1/practice-types/cambio-residenza/templates/assenso-proprietario.pdf',
      kinds: ['pdf', 'p7m'],
      extensions: ['pdf', 'p7m'],
    },
  ],
  max_attachment_bytes: 10485760,
  max_attachments: 20,
  choices: {
    kinds: [
      { code: 'within_municipality', label: "Cambio di indirizzo all'interno del Comune" },
      { code: 'from_other_municipality', label: 'Provenienza da altro Comune' },
      { code: 'from_abroad', label: "Provenienza dall'estero" },
      { code: 'other', label: 'Altro' },
    ],
    citizenships: [
      { code: 'it', label: 'IT' },
      { code: 'eu', label: 'UE' },
      { code: 'non_eu', label: 'Extra UE' },
    ],
    relationships: [
      { code: 'spouse', label: 'Coniuge' },
      { code: 'child', label: 'Figlio/a' },
      { code: 'not_related', label: 'Non parente' },
    ],
    occupancy_titles: [
      { code: 'owner', label: 'Proprietario', needs_registration: false, needs_cadastre: true },
      {
        code: 'registered_lease',
        label: 'Intestatario di contratto di locazione registrato',
        needs_registration: true,
        needs_cadastre: false,
      },
      { code: 'other', label: 'Altro titolo', needs_registration: false, needs_cadastre: false },
    ],
    vehicle_kinds: [
      { code: 'car', label: 'Autoveicolo' },
      { code: 'motorcycle', label: 'Motoveicolo' },
    ],
    licence_categories: ['AM', 'A', 'B'],
  },
}

export const types = { items: [residenceType] }

const person = {
  registry_person_id: null as string | null,
  applicant: false,
  moves: false,
  surname: '',
  name: '',
  sex: null as string | null,
  birth_date: null as string | null,
  birth_place_code: '',
  fiscal_code: '',
  citizenship: null as string | null,
  relationship: null as string | null,
  has_driving_licence: false,
  driving_licence: null,
  has_vehicles: false,
  vehicles: [],
}

export const declaration = {
  kind: 'within_municipality',
  other_kind: '',
  previous_place_code: '',
  previous_address_abroad: '',
  whole_family: false,
  persons: [
    {
      ...person,
      registry_person_id: 'p-mario',
      applicant: true,
      moves: true,
      surname: 'ROSSI',
      name: 'MARIO',
      sex: 'M',
      birth_date: '1985-12-10',
      birth_place_code: 'H501',
      fiscal_code: 'RSSMRA85T10H501O',
      citizenship: 'it',
    },
    {
      ...person,
      registry_person_id: 'p-anna',
      surname: 'BIANCHI',
      name: 'ANNA',
      sex: 'F',
      birth_date: '1987-03-02',
      birth_place_code: 'H501',
      fiscal_code: 'BNCNNA87C42H501X',
      citizenship: 'it',
      relationship: 'spouse',
    },
  ],
  address: { street: '', house_number: '', interior: '', staircase: '', floor: '' },
  occupancy: {
    title: null,
    other_title: '',
    registration_office: '',
    registration_number: '',
    registration_date: null,
    cadastral_section: '',
    cadastral_sheet: '',
    cadastral_parcel: '',
    cadastral_subparcel: '',
  },
  existing_resident: null,
  contacts: { phone: '', mobile: '', email: '', pec: '' },
}

const noDeadlines = {
  registration_due: null,
  decision_due: null,
  registration_overdue: false,
  decision_overdue: false,
}

export const draft = {
  id: 'pr-1',
  type: 'cambio-residenza',
  type_name: 'Cambio di residenza o di indirizzo',
  state: 'draft',
  state_label: 'Bozza',
  protocol: null as string | null,
  created_at: '2026-12-07T09:00:00Z',
  updated_at: '2026-12-07T09:00:00Z',
  submitted_at: null as string | null,
  registered_at: null,
  decided_at: null,
  step: 'applicant',
  version: 1,
  data: declaration,
  locked: [
    'persons[0].surname',
    'persons[0].name',
    'persons[0].sex',
    'persons[0].birth_date',
    'persons[0].birth_place_code',
    'persons[0].fiscal_code',
    'persons[1].surname',
    'persons[1].name',
  ],
  issues: [] as Array<{ field: string; step: string; message: string }>,
  applicant: { surname: 'ROSSI', name: 'MARIO', fiscal_code: 'RSSMRA85T10H501O' },
  attachments: [] as unknown[],
  deadlines: noDeadlines,
  assignee: null as { id: string; label: string } | null,
  integration_request: null as string | null,
  decision_note: null,
  place_names: { H501: 'Roma (RM)' },
  actions: ['submit', 'cancel'],
  receipt_url: null as string | null,
}

export const identityCard = {
  id: 'att-1',
  document_code: 'documento-identita',
  document_label: "Copia del documento d'identità del richiedente",
  file_name: 'carta-identita.pdf',
  kind: 'pdf',
  size_bytes: 123456,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  uploaded_at: '2026-12-07T09:10:00Z',
  sent: false,
  url: '/api/v1/practices/pr-1/attachments/att-1',
}

export const submitted = {
  ...draft,
  state: 'submitted',
  state_label: 'Inviata',
  protocol: '2026/000123',
  submitted_at: '2026-12-07T10:00:00Z',
  step: 'summary',
  version: 5,
  attachments: [{ ...identityCard, sent: true }],
  deadlines: {
    registration_due: '2026-12-09',
    decision_due: '2027-01-21',
    registration_overdue: false,
    decision_overdue: false,
  },
  actions: ['cancel'],
  receipt_url: '/api/v1/practices/pr-1/receipt.pdf',
}

export const summary = (overrides: Record<string, unknown> = {}) => ({
  id: 'pr-1',
  type: 'cambio-residenza',
  type_name: 'Cambio di residenza o di indirizzo',
  state: 'submitted',
  state_label: 'Inviata',
  protocol: '2026/000123',
  applicant: { surname: 'ROSSI', name: 'MARIO', fiscal_code: 'RSSMRA85T10H501O' },
  created_at: '2026-12-07T09:00:00Z',
  updated_at: '2026-12-07T10:00:00Z',
  submitted_at: '2026-12-07T10:00:00Z',
  deadlines: {
    registration_due: '2026-12-09',
    decision_due: '2027-01-21',
    registration_overdue: false,
    decision_overdue: false,
  },
  assignee: null,
  ...overrides,
})
