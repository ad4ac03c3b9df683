import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { todayIso } from '@/lib/registryDates'
import { FamilyPage } from './pages/FamilyPage'
import { family } from './testData'

const FAMILY = 'GET /api/v1/me/family'

function definition(card: HTMLElement, term: string) {
  return within(card).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
}

describe('family record (seed 001 §4)', () => {
  it('shows the address, the date and every member with their data and links', async () => {
    signIn()
    const { requests } = mockApi({ [FAMILY]: () => json(family) })
    renderWithProviders(<FamilyPage />, '/famiglia')

    expect(await screen.findByText('BENVENUTO nella tua scheda di famiglia')).toBeInTheDocument()
    expect(screen.getByText('CORSO GARIBALDI, 107 - 46100 MANTOVA (MN)')).toBeInTheDocument()
    expect(screen.getByText(/30\/11\/2026/)).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/v1/me/family')?.query).toBe(`date=${todayIso()}`)

    const members = within(screen.getByRole('list', { name: 'Componenti della famiglia' }))
    const cards = members.getAllByRole('article')
    expect(cards).toHaveLength(2)
    const anna = screen.getByRole('article', { name: /BIANCHI ANNA/ })
    expect(definition(anna, 'Codice Fiscale')).toBe('BNCNNA70A41E897X')
    expect(definition(anna, 'Rapporto parentela')).toBe('INTESTATARIA SCHEDA')
    expect(definition(anna, 'Stato civile')).toBe('CONIUGATA')
    expect(definition(anna, 'Sesso')).toBe('Femmina')
    expect(definition(anna, 'Nata a')).toBe('MANTOVA (MN) il 01/01/1970')
    expect(within(anna).getByText('Tu')).toBeInTheDocument()

    const marco = screen.getByRole('article', { name: 'ROSSI MARCO' })
    expect(definition(marco, 'Sesso')).toBe('Maschio')
    expect(definition(marco, 'Nato a')).toBe('FRANCIA il 12/02/1968')
    expect(within(marco).getByRole('link', { name: /^Dettaglio\W+ROSSI MARCO$/ })).toHaveAttribute(
      'href',
      '/famiglia/p-marco',
    )
    expect(
      within(marco).getByRole('link', { name: /^Certificazioni\W+ROSSI MARCO$/ }),
    ).toHaveAttribute('href', '/certificati/nuovo?persona=p-marco')
    // Seed 001: "Autocertificazioni" on every card (the declarant is the signed-in person).
    expect(within(anna).getByRole('link', { name: 'Autocertificazioni' })).toHaveAttribute(
      'href',
      '/autocertificazioni/nuova',
    )
    expect(
      within(marco).getByRole('link', { name: /^Autocertificazioni\W+ROSSI MARCO$/ }),
    ).toHaveAttribute('href', '/autocertificazioni/nuova')
  })

  it('shows the situation on another date when asked', async () => {
    signIn()
    const { requests } = mockApi({ [FAMILY]: () => json(family) })
    const user = userEvent.setup()
    renderWithProviders(<FamilyPage />, '/famiglia')
    const field = await screen.findByLabelText(/Situazione alla data/)
    await user.clear(field)
    await user.type(field, '2011-11-13')
    await user.click(screen.getByRole('button', { name: 'Visualizza' }))
    await vi.waitFor(() =>
      expect(requests.filter((r) => r.path === '/api/v1/me/family').at(-1)?.query).toBe(
        'date=2011-11-13',
      ),
    )
  })

  it('says when there was no family on the chosen day, keeping the date to choose another', async () => {
    signIn()
    mockApi({
      [FAMILY]: (request) =>
        new URL(request.url).search === '?date=1990-01-01'
          ? problem(404, {
              code: 'no_family_on_date',
              detail: "Al 01/01/1990 l'anagrafe non la registra in una famiglia del Comune.",
            })
          : json(family),
    })
    const user = userEvent.setup()
    renderWithProviders(<FamilyPage />, '/famiglia?data=1990-01-01')
    expect(await screen.findByText('Nessuna famiglia registrata al 01/01/1990')).toBeInTheDocument()
    expect(screen.queryByText(/La risorsa richiesta non esiste/)).toBeNull()
    const field = screen.getByLabelText(/Situazione alla data/)
    expect(field).toHaveValue('1990-01-01')
    await user.clear(field)
    await user.type(field, '2011-11-13')
    await user.click(screen.getByRole('button', { name: 'Visualizza' }))
    expect(await screen.findByRole('list', { name: /Componenti/ })).toBeInTheDocument()
  })

  it('refuses a date in the future without asking the server', async () => {
    signIn()
    const { requests } = mockApi({ [FAMILY]: () => json(family) })
    const user = userEvent.setup()
    renderWithProviders(<FamilyPage />, '/famiglia')
    const field = await screen.findByLabelText(/Situazione alla data/)
    await user.clear(field)
    await user.type(field, '2999-01-01')
    await user.click(screen.getByRole('button', { name: 'Visualizza' }))
    expect(field).toHaveAccessibleDescription('La data non può essere successiva a oggi.')
    expect(requests.filter((r) => r.path === '/api/v1/me/family')).toHaveLength(1)
  })

  it('prints the page with the browser', async () => {
    signIn()
    mockApi({ [FAMILY]: () => json(family) })
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const user = userEvent.setup()
    renderWithProviders(<FamilyPage />, '/famiglia')
    await user.click(await screen.findByRole('button', { name: 'Stampa' }))
    expect(print).toHaveBeenCalledOnce()
  })

  it('tells a citizen who is not resident why the record is closed', async () => {
    signIn()
    mockApi({
      [FAMILY]: () =>
        problem(403, {
          detail: 'Il servizio è riservato ai residenti.',
          code: 'not_resident',
        }),
    })
    renderWithProviders(<FamilyPage />, '/famiglia')
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent('Servizio riservato ai residenti')
    expect(within(notice).getByRole('link')).toHaveAttribute('href', '/certificazione-libera')
    expect(screen.queryByRole('article')).toBeNull()
  })

  it('shows other failures as a problem', async () => {
    signIn()
    mockApi({ [FAMILY]: () => problem(500, { detail: 'Errore interno.', request_id: 'req-9' }) })
    renderWithProviders(<FamilyPage />, '/famiglia')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile caricare la scheda di famiglia.')
    expect(alert).toHaveTextContent('req-9')
  })
})
