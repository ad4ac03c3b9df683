import { describe, expect, it } from 'vitest'
import { tableIndex } from './components/DeclarationPreview'
import { draftFrom, fieldId, requestOf } from './draft'
import { nonResidentDraft, residentDraft, residenza, statoCivile, statoFamiglia } from './testData'

describe('the request of a draft', () => {
  it('leaves the locked particulars out and sends what may be written, as written', () => {
    const draft = draftFrom(residentDraft('stato_civile'))
    draft.values.civil_status_detail = ''
    expect(requestOf(statoCivile, draft)).toEqual({
      type: 'stato_civile',
      values: {
        residence_municipality: 'VALDORIA',
        residence_address: 'VIA ROMA, 12',
        civil_status: 'married',
        // An emptied registry value clears it.
        civil_status_detail: '',
      },
      members: [],
    })
  })

  it('sends the family rows without their keys, only for the forms that have them', () => {
    const draft = draftFrom(residentDraft('stato_famiglia'))
    expect(draft.members.map((m) => m.key)).toHaveLength(2)
    expect(new Set(draft.members.map((m) => m.key)).size).toBe(2)
    expect(requestOf(statoFamiglia, draft).members).toEqual(residentDraft('stato_famiglia').members)
    expect(requestOf(residenza, draft).members).toEqual([])
  })

  it('for a non-resident, sends the residence typed', () => {
    const draft = draftFrom(nonResidentDraft('residenza'))
    expect(requestOf(residenza, draft).values).toEqual({
      residence_municipality: '',
      residence_address: '',
    })
  })
})

describe('field ids', () => {
  it('are valid ids, also for family cells', () => {
    expect(fieldId('residence_address')).toBe('declaration-residence_address')
    expect(fieldId('members[2].birth_date')).toBe('declaration-members-2-birth_date')
  })
})

describe('the family table in the preview', () => {
  it('follows the statement that announces it, else precedes the closing sentence', () => {
    expect(
      tableIndex(['Il sottoscritto', 'DICHIARA', 'che la famiglia è composta come segue:', 'GDPR']),
    ).toBe(3)
    expect(tableIndex(['Il sottoscritto', 'DICHIARA', 'di essere', 'GDPR'])).toBe(3)
    expect(tableIndex([])).toBe(0)
  })
})
