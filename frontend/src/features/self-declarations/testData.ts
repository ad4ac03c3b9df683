// Answers shaped as docs/self-declarations.md describes them, for this feature's tests.

const legalText = {
  warning: "consapevole delle sanzioni penali previste dall'art. 76 …",
  reminders: [
    'La presente dichiarazione deve essere stampata e firmata dal dichiarante prima di essere consegnata al destinatario.',
  ],
  notes: ["Esente dall'imposta di bollo (art. 37, comma 1, D.P.R. 445/2000)."],
  privacy_title: 'Informativa sul trattamento dei dati personali',
  privacy_notice: ['Titolare del trattamento è il Comune di Valdoria.'],
}

function field(
  key: string,
  label: string,
  kind: string,
  source: string,
  extra: Partial<{ required: boolean; max_length: number; hint: string }> = {},
  options: Array<{ code: string; label: string }> = [],
) {
  return {
    key,
    label,
    kind,
    required: extra.required ?? true,
    source,
    max_length: extra.max_length ?? null,
    hint: extra.hint ?? null,
    options,
  }
}

const sexes = [
  { code: 'M', label: 'maschile' },
  { code: 'F', label: 'femminile' },
]

export const particulars = [
  field('surname', 'Cognome', 'text', 'identity', { max_length: 80 }),
  field('name', 'Nome', 'text', 'identity', { max_length: 80 }),
  field('sex', 'Sesso', 'sex', 'identity', {}, sexes),
  field('birth_date', 'Data di nascita', 'date', 'identity'),
  field('birth_place', 'Luogo di nascita', 'text', 'identity', {
    max_length: 80,
    hint: 'Comune e sigla della provincia, oppure Stato estero: MANTOVA (MN), FRANCIA.',
  }),
  field('fiscal_code', 'Codice fiscale', 'fiscal_code', 'identity', { max_length: 16 }),
  field('residence_municipality', 'Comune di residenza', 'text', 'registry', { max_length: 80 }),
  field('residence_address', 'Indirizzo di residenza', 'text', 'registry', {
    max_length: 120,
    hint: 'Via o piazza e numero civico: VIA ROMA, 12.',
  }),
]

export const residenza = {
  code: 'residenza',
  name: 'Dichiarazione di residenza',
  description: 'Comune e indirizzo di residenza.',
  article: 46,
  letter: 'b',
  legal_basis: 'art. 46, comma 1, lett. b, D.P.R. 445/2000',
  attach_identity_document: false,
  fields: particulars,
  legal_text: legalText,
  blank_form_url: '/api/v1/self-declaration-types/residenza/blank.pdf',
}

export const statoCivile = {
  ...residenza,
  code: 'stato_civile',
  blank_form_url: '/api/v1/self-declaration-types/stato_civile/blank.pdf',
  name: 'Dichiarazione di stato civile',
  description: 'Stato di celibe o nubile, coniugato/a, vedovo/a, divorziato/a.',
  letter: 'e',
  fields: [
    ...particulars,
    field('civil_status', 'Stato civile', 'choice', 'registry', {}, [
      { code: 'unmarried', label: 'celibe / nubile' },
      { code: 'married', label: 'coniugato/a' },
    ]),
    field('civil_status_detail', 'Precisazioni (con chi, da quando)', 'text', 'registry', {
      required: false,
      max_length: 160,
    }),
  ],
}

export const statoFamiglia = {
  ...residenza,
  code: 'stato_famiglia',
  blank_form_url: '/api/v1/self-declaration-types/stato_famiglia/blank.pdf',
  name: 'Dichiarazione di stato di famiglia',
  description: 'La composizione della propria famiglia anagrafica, dichiarante compreso.',
  letter: 'f',
  fields: [...particulars, field('members', 'Componenti della famiglia', 'members', 'registry')],
}

export const atto = {
  ...residenza,
  code: 'atto_notorio',
  blank_form_url: '/api/v1/self-declaration-types/atto_notorio/blank.pdf',
  name: "Dichiarazione sostitutiva dell'atto di notorietà",
  description: 'Stati, qualità personali e fatti a diretta conoscenza del dichiarante.',
  article: 47,
  letter: null,
  attach_identity_document: true,
  fields: [
    ...particulars,
    field('facts', 'Fatti, stati e qualità dichiarati', 'long_text', 'declarant', {
      max_length: 4000,
    }),
  ],
}

export const types = { items: [residenza, statoCivile, statoFamiglia, atto] }

export const residentValues = {
  surname: 'ROSSI',
  name: 'MARIO',
  sex: 'M',
  birth_date: '1985-12-10',
  birth_place: 'ROMA (RM)',
  fiscal_code: 'RSSMRA85T10H501O',
  residence_municipality: 'VALDORIA',
  residence_address: 'VIA ROMA, 12',
}

const IDENTITY = ['surname', 'name', 'sex', 'birth_date', 'birth_place', 'fiscal_code']

/** GET …/{code}/prefill for the resident Mario Rossi. */
export function residentDraft(code: string) {
  const extra: Record<string, string> =
    code === 'stato_civile'
      ? { civil_status: 'married', civil_status_detail: 'con BIANCHI ANNA dal 12/06/2010' }
      : {}
  const members =
    code === 'stato_famiglia'
      ? [
          {
            surname: 'ROSSI',
            name: 'MARIO',
            birth_date: '1985-12-10',
            birth_place: 'ROMA (RM)',
            relationship: 'INTESTATARIO SCHEDA',
          },
          {
            surname: 'BIANCHI',
            name: 'ANNA',
            birth_date: '1987-03-04',
            birth_place: 'MANTOVA (MN)',
            relationship: 'MOGLIE',
          },
        ]
      : []
  return {
    type: code,
    resident: true,
    values: { ...residentValues, ...extra },
    members,
    locked: IDENTITY,
    from_registry: [
      ...Object.keys(residentValues),
      ...Object.keys(extra),
      ...(members.length > 0 ? ['members'] : []),
    ],
  }
}

/** GET …/{code}/prefill for a citizen the registry does not know as resident. */
export function nonResidentDraft(code: string) {
  return {
    type: code,
    resident: false,
    values: {
      surname: 'VERDI',
      name: 'LUCIA',
      sex: 'F',
      birth_date: '1990-01-02',
      birth_place: 'TORINO (TO)',
      fiscal_code: 'VRDLCU90A42L219X',
    },
    members: [],
    locked: IDENTITY,
    from_registry: [],
  }
}

export const preview = {
  title: 'DICHIARAZIONE SOSTITUTIVA DI CERTIFICAZIONE',
  basis: '(art. 46, comma 1, lett. b, D.P.R. 28 dicembre 2000, n. 445)',
  subject: 'Dichiarazione di residenza',
  paragraphs: [
    'Il sottoscritto ROSSI MARIO, nato a ROMA (RM) il 10/12/1985, codice fiscale RSSMRA85T10H501O,',
    "consapevole delle sanzioni penali previste dall'art. 76 …",
    'DICHIARA',
    'di essere residente nel Comune di VALDORIA, in VIA GARIBALDI, 7.',
    'Dichiara inoltre di essere informato che i dati personali raccolti saranno trattati …',
  ],
  table: null,
  place_and_date: 'Luogo e data ______________________________',
  signer: 'Il dichiarante',
  reminders: [
    'La presente dichiarazione deve essere stampata e firmata dal dichiarante prima di essere consegnata al destinatario.',
  ],
}

export const declaration = {
  id: 'SD-7KQF-9XMA',
  type: 'residenza',
  type_name: 'Dichiarazione di residenza',
  article: 46,
  created_at: '2026-11-30T10:15:00',
  declarant: { surname: 'ROSSI', name: 'MARIO', fiscal_code: 'RSSMRA85T10H501O' },
  values: { ...residentValues, residence_address: 'VIA GARIBALDI, 7' },
  members: [],
  resident: true,
  edited_registry_fields: ['residence_address'],
}

export const olderDeclaration = {
  ...declaration,
  id: 'SD-AB12-CD34',
  type: 'atto_notorio',
  type_name: "Dichiarazione sostitutiva dell'atto di notorietà",
  article: 47,
  created_at: '2026-10-02T08:00:00',
  edited_registry_fields: [],
}
