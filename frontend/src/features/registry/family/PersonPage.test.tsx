import { screen } from '@testing-library/react'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { PersonPage } from './pages/PersonPage'
import { husbandRecord } from './testData'

function renderPage(personId: string) {
  renderWithProviders(
    <Routes>
      <Route path="/famiglia/:personId" element={<PersonPage />} />
    </Routes>,
    `/famiglia/${personId}`,
  )
}

function value(term: string) {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
}

describe('registry position (seed 001 "Dettaglio")', () => {
  it("shows the member's full position, a way back and the certificates", async () => {
    signIn()
    const { requests } = mockApi({ 'GET /api/v1/persons/p-marco': () => json(husbandRecord) })
    renderPage('p-marco')

    expect(await screen.findByText('ROSSI MARCO')).toBeInTheDocument()
    expect(value('Codice Fiscale')).toBe('RSSMRC68B12E897Y')
    expect(value('Cittadinanza')).toBe('FRANCESE')
    expect(value('Stato civile')).toBe('CONIUGATO dal 16/06/2001')
    expect(value('Stato anagrafico')).toBe('Residente')
    expect(value('Data di iscrizione in anagrafe')).toBe('03/05/1999')
    expect(value('Numero di famiglia')).toBe('4521')
    expect(value('Iscrizione nelle liste elettorali del Comune')).toBe('No')
    expect(screen.queryByText('Sezione elettorale')).toBeNull()
    expect(screen.getByRole('link', { name: /Torna alla scheda di famiglia/ })).toHaveAttribute(
      'href',
      '/famiglia',
    )
    expect(screen.getByRole('link', { name: /Certificazioni/ })).toHaveAttribute(
      'href',
      '/certificati/nuovo?persona=p-marco',
    )
    expect(requests.some((r) => r.path === '/api/v1/persons/p-marco')).toBe(true)
  })

  it('says the person is not found or not in the family on 404', async () => {
    signIn()
    mockApi({
      'GET /api/v1/persons/p-other': () => problem(404, { detail: 'Risorsa non trovata.' }),
    })
    renderPage('p-other')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La persona richiesta non è stata trovata oppure non fa parte del tuo nucleo familiare.',
    )
    expect(screen.queryByRole('link', { name: /Certificazioni/ })).toBeNull()
  })
})
