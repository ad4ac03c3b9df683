// Answers shaped as docs/certificates.md describes them, for this feature's tests.

export const residenza = {
  code: 'residenza',
  name: 'Certificato di Residenza',
  description: 'Attesta il Comune e l’indirizzo di residenza.',
  group: 'anagrafe',
  group_name: 'Anagrafe',
  always_exempt: false,
  eligibility: 'Per le persone residenti nel Comune.',
}

export const elettorale = {
  code: 'liste_elettorali',
  name: 'Certificato di Iscrizione alle Liste Elettorali',
  description: 'Attesta l’iscrizione nelle liste elettorali del Comune.',
  group: 'anagrafe',
  group_name: 'Anagrafe',
  always_exempt: false,
  eligibility: 'Per chi è iscritto nelle liste elettorali del Comune.',
}

export const statoCivile = {
  code: 'stato_civile',
  name: 'Certificato di Stato Civile',
  description: 'Attesta lo stato civile.',
  group: 'stato_civile',
  group_name: 'Stato civile',
  always_exempt: true,
  eligibility: 'Per le persone residenti nel Comune.',
}

export const types = { items: [residenza, elettorale, statoCivile] }

export const bollo = {
  code: 'bollo',
  description: 'Si rilascia in carta resa legale',
  legal_reference: null,
  stamp_duty_cents: 1600,
  requires_stamp: true,
  requires_text: false,
}

export const pensione = {
  code: 'pensione',
  description: 'Si rilascia in esenzione del bollo ad uso pensione',
  legal_reference: 'art. 12 Tab. B D.P.R. 642/1972',
  stamp_duty_cents: 0,
  requires_stamp: false,
  requires_text: false,
}

export const altro = {
  code: 'altro',
  description: 'Si rilascia per altro motivo',
  legal_reference: null,
  stamp_duty_cents: 0,
  requires_stamp: false,
  requires_text: true,
}

export const usages = { items: [bollo, pensione, altro] }

export const marco = {
  person_id: 'p-marco',
  fiscal_code: 'RSSMRC68B12E897Y',
  surname: 'ROSSI',
  name: 'MARCO',
  sex: 'M',
  birth_date: '1968-02-12',
  birth_place: 'MANTOVA (MN)',
  relationship: 'spouse',
  relationship_label: 'MARITO',
  civil_status: 'married',
  civil_status_label: 'CONIUGATO',
  is_self: false,
  citizenship: 'IT',
  citizenship_name: 'ITALIANA',
  is_elector: true,
  electoral_section: '12',
  registered_on: '1999-05-03',
  civil_status_since: '2001-06-16',
  address: null,
  family_registry_number: '4521',
  status: 'resident',
  death_date: null,
}

export const certificate = {
  id: '7KQF-9XMA-2R4D-HV0C',
  type: 'residenza',
  type_name: 'Certificato di Residenza',
  usage: 'bollo',
  usage_description: 'Si rilascia in carta resa legale',
  usage_text: null,
  person_id: 'p-marco',
  subject_surname: 'ROSSI',
  subject_name: 'MARCO',
  subject_fiscal_code: 'RSSMRC68B12E897Y',
  requester: 'family',
  reason: null,
  stamp: { identifier: '01234567890123', issue_date: '2026-11-20' },
  issued_at: '2026-11-30T09:15:00Z',
  situation_date: '2026-11-30',
  valid_until: '2027-05-30',
  status: 'valid',
  content_sha256: 'ab'.repeat(32),
  pdf_sha256: 'cd'.repeat(32),
  signing_key_id: 'key-2026',
  verify_url: 'https://servizi.comune.example/verifica/7KQF-9XMA-2R4D-HV0C',
}
