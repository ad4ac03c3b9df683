// Certificates shaped as docs/certificates.md describes them, for this feature's tests.

const base = {
  type: 'residenza',
  type_name: 'Certificato di Residenza',
  usage: 'bollo',
  usage_description: 'Si rilascia in carta resa legale',
  usage_text: null,
  stamp: null,
  status: 'valid',
  content_sha256: 'ab'.repeat(32),
  pdf_sha256: 'cd'.repeat(32),
  signing_key_id: 'key-2026',
}

/** Valid for years to come, so the tests do not depend on today's date. */
export const validForThirdParty = {
  ...base,
  id: '7KQF-9XMA-2R4D-HV0C',
  person_id: 'p-marco',
  subject_surname: 'ROSSI',
  subject_name: 'MARCO',
  subject_fiscal_code: 'RSSMRC68B12E897Y',
  requester: 'third_party',
  requested_by: {
    surname: 'NERI',
    name: 'PAOLA',
    fiscal_code: 'NREPLA70A41H501D',
    username: null,
  },
  reason: 'Pratica di successione',
  issued_at: '2026-11-30T09:15:00Z',
  situation_date: '2026-11-30',
  valid_until: '2099-05-30',
  verify_url: 'https://servizi.comune.example/verifica/7KQF-9XMA-2R4D-HV0C',
}

export const expiredForSelf = {
  ...base,
  id: '3M4N-5P6Q-7R8S-9T0V',
  type: 'stato_civile',
  type_name: 'Certificato di Stato Civile',
  usage: 'altro',
  usage_description: 'Si rilascia per altro motivo',
  usage_text: 'Circolo sportivo',
  person_id: 'p-anna',
  subject_surname: 'BIANCHI',
  subject_name: 'ANNA',
  subject_fiscal_code: 'BNCNNA80A41H501U',
  requester: 'self',
  requested_by: {
    surname: 'BIANCHI',
    name: 'ANNA',
    fiscal_code: 'BNCNNA80A41H501U',
    username: null,
  },
  reason: null,
  issued_at: '2020-03-02T08:00:00Z',
  situation_date: '2020-03-02',
  valid_until: '2020-09-02',
  verify_url: 'https://servizi.comune.example/verifica/3M4N-5P6Q-7R8S-9T0V',
}

export const revokedByOffice = {
  ...base,
  id: 'A1B2-C3D4-E5F6-G7H8',
  person_id: 'p-luca',
  subject_surname: 'VERDI',
  subject_name: 'LUCA',
  subject_fiscal_code: 'VRDLCU75C15F205X',
  requester: 'office',
  requested_by: { surname: 'Demo', name: 'Operatore', fiscal_code: null, username: 'operatore' },
  reason: null,
  issued_at: '2026-10-01T10:00:00Z',
  situation_date: '2026-10-01',
  valid_until: '2099-04-01',
  status: 'revoked',
  verify_url: 'https://servizi.comune.example/verifica/A1B2-C3D4-E5F6-G7H8',
}

export type TestCertificate = typeof validForThirdParty
