// Answers shaped as docs/certificates.md describes them, for this feature's tests.

export const address = {
  street: 'CORSO GARIBALDI',
  house_number: '107',
  interior: null,
  postcode: '46100',
  municipality: 'MANTOVA',
  province: 'MN',
  formatted: 'CORSO GARIBALDI, 107 - 46100 MANTOVA (MN)',
}

export const head = {
  person_id: 'p-anna',
  fiscal_code: 'BNCNNA70A41E897X',
  surname: 'BIANCHI',
  name: 'ANNA',
  sex: 'F',
  birth_date: '1970-01-01',
  birth_place: 'MANTOVA (MN)',
  relationship: 'head',
  relationship_label: 'INTESTATARIA SCHEDA',
  civil_status: 'married',
  civil_status_label: 'CONIUGATA',
  is_self: true,
}

export const husband = {
  person_id: 'p-marco',
  fiscal_code: 'RSSMRC68B12E897Y',
  surname: 'ROSSI',
  name: 'MARCO',
  sex: 'M',
  birth_date: '1968-02-12',
  birth_place: 'FRANCIA',
  relationship: 'spouse',
  relationship_label: 'MARITO',
  civil_status: 'married',
  civil_status_label: 'CONIUGATO',
  is_self: false,
}

export const family = {
  situation_date: '2026-11-30',
  family_id: 'fam-1',
  registry_number: '4521',
  address,
  members: [head, husband],
}

export const husbandRecord = {
  ...husband,
  citizenship: 'FR',
  citizenship_name: 'FRANCESE',
  is_elector: false,
  electoral_section: null,
  registered_on: '1999-05-03',
  civil_status_since: '2001-06-16',
  address,
  family_registry_number: '4521',
  status: 'resident',
  death_date: null,
}
