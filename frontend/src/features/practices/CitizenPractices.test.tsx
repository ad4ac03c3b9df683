import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { PracticePage } from './pages/PracticePage'
import { PracticesPage } from './pages/PracticesPage'
import { draft, submitted, summary, types } from './testData'

const PRACTICE = '/api/v1/practices/pr-1'

describe('"Stato richieste"', () => {
  it("lists the citizen's practices with state and protocol, a draft to resume", async () => {
    signIn()
    mockApi({
      'GET /api/v1/practices': () =>
        json({
          items: [
            summary(),
            summary({
              id: 'pr-9',
              state: 'draft',
              state_label: 'Bozza',
              protocol: null,
              submitted_at: null,
            }),
          ],
          total: 2,
          counts: [],
        }),
    })
    renderWithProviders(<PracticesPage />, '/pratiche')
    expect(screen.getByRole('heading', { level: 1, name: 'Stato richieste' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Nuova dichiarazione di residenza' })).toHaveAttribute(
      'href',
      '/pratiche/nuova/cambio-residenza',
    )
    const table = await screen.findByRole('table', { name: /2 pratiche/ })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Inviata')
    expect(rows[0]).toHaveTextContent('2026/000123')
    expect(within(rows[0]!).getByRole('link', { name: /^Dettaglio/ })).toHaveAttribute(
      'href',
      '/pratiche/pr-1',
    )
    expect(rows[1]).toHaveTextContent('non ancora assegnato')
    expect(within(rows[1]!).getByRole('link', { name: /^Riprendi la bozza/ })).toHaveAttribute(
      'href',
      '/pratiche/pr-9',
    )
  })
})

describe('a submitted practice', () => {
  it("shows the office's request and sends the integration back", async () => {
    signIn()
    const asked = {
      ...submitted,
      state: 'integration_requested',
      state_label: 'Integrazione richiesta',
      integration_request: 'Allegare il contratto di locazione registrato.',
      actions: ['submit', 'cancel'],
    }
    const keys: Array<string | null> = []
    const { requests } = mockApi({
      'GET /api/v1/practice-types': () => json(types),
      [`GET ${PRACTICE}`]: () => json(asked),
      [`GET ${PRACTICE}/history`]: () => json({ items: [] }),
      [`POST ${PRACTICE}/submit`]: (request) => {
        keys.push(request.headers.get('idempotency-key'))
        return json({
          ...asked,
          state: 'integrated',
          state_label: 'Integrata',
          actions: ['cancel'],
        })
      },
    })
    const user = userEvent.setup()
    renderWithProviders(
      <Routes>
        <Route path="/pratiche/:id" element={<PracticePage />} />
      </Routes>,
      '/pratiche/pr-1',
    )
    const panel = await screen.findByRole('region', { name: 'Integrazione richiesta' })
    expect(panel).toHaveTextContent('Allegare il contratto di locazione registrato.')
    expect(within(panel).getAllByRole('button', { name: 'Allega' })).toHaveLength(2)
    // A file already sent to the office cannot be deleted.
    expect(within(panel).queryByRole('button', { name: /^Elimina/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Ritira la dichiarazione' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Scarica ricevuta' })).toBeInTheDocument()

    await user.type(
      within(panel).getByRole('textbox', { name: /Messaggio per l'ufficio/ }),
      'Allegato il contratto.',
    )
    await user.click(within(panel).getByRole('button', { name: 'Invia integrazione' }))
    expect(await screen.findByText('Integrata')).toBeInTheDocument()
    expect(requests.find((r) => r.path.endsWith('/submit'))?.body).toEqual({
      note: 'Allegato il contratto.',
    })
    expect(keys[0]).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Integrazione richiesta' })).toBeNull()
  })

  it('opens a draft in the wizard at the step it was saved at', async () => {
    signIn()
    mockApi({
      'GET /api/v1/practice-types': () => json(types),
      [`GET ${PRACTICE}`]: () => json({ ...draft, step: 'dwelling' }),
    })
    renderWithProviders(
      <Routes>
        <Route path="/pratiche/:id" element={<PracticePage />} />
      </Routes>,
      '/pratiche/pr-1',
    )
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Passo 3 di 5: Nuova abitazione' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: /Via o piazza/ })).toBeRequired()
  })
})
