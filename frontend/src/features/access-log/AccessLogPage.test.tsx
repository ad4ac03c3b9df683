import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { setLanguage } from '@/i18n'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { AccessLogPage } from './pages/AccessLogPage'

const ACCESS_LOG = 'GET /api/v1/me/access-log'

const lookup = {
  at: '2026-11-20T09:30:00Z',
  action: 'person.searched',
  action_label: 'Ricerca per certificato a terzi',
  actor_label: 'Bianchi Laura',
  actor_kind: 'citizen',
  reason: 'Pratica di successione',
  certificate_id: null,
}

const issued = {
  at: '2026-11-20T09:32:00Z',
  action: 'certificate.issued',
  action_label: 'Rilascio di un certificato',
  actor_label: 'Bianchi Laura',
  actor_kind: 'citizen',
  reason: 'Pratica di successione',
  certificate_id: '7KQF-9XMA-2R4D-HV0C',
}

const verified = {
  at: '2026-11-21T15:00:00Z',
  action: 'certificate.verified',
  action_label: 'Verifica di un certificato',
  actor_label: 'Visitatore',
  actor_kind: 'anonymous',
  reason: null,
  certificate_id: '7KQF-9XMA-2R4D-HV0C',
}

const checked = {
  at: '2026-11-22T10:15:00Z',
  action: 'registry.checked',
  action_label: 'Controllo di una dichiarazione sui dati anagrafici',
  actor_label: 'Ente di prova (Verifiche demo)',
  actor_kind: 'client',
  reason: 'Controllo a campione della dichiarazione sostitutiva di residenza, pratica 2026/123',
  certificate_id: null,
}

describe('who consulted my data', () => {
  it('explains what is recorded and lists each consultation with who, what, why and which certificate', async () => {
    signIn()
    mockApi({ [ACCESS_LOG]: () => json({ items: [verified, issued, lookup] }) })
    renderWithProviders(<AccessLogPage />, '/chi-ha-consultato-i-miei-dati')

    expect(
      screen.getByRole('heading', { level: 1, name: 'Chi ha consultato i miei dati' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/Regolamento \(UE\) 2016\/679/)).toBeInTheDocument()

    const table = await screen.findByRole('table', {
      name: 'Consultazioni dei tuoi dati, dalla più recente',
    })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    const cells = (row: HTMLElement) =>
      Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent)
    expect(cells(rows[0]!).slice(1)).toEqual([
      'Verifica di un certificato',
      'VisitatoreVisitatore non autenticato',
      '—',
      '7KQF-9XMA-2R4D-HV0C',
    ])
    expect(cells(rows[2]!).slice(1)).toEqual([
      'Ricerca per certificato a terzi',
      'Bianchi LauraCittadino',
      'Pratica di successione',
      '—',
    ])
    expect(cells(rows[2]!)[0]).toMatch(/20 nov 2026/)
  })

  it("names another administration's application as such, with the purpose of its check", async () => {
    signIn()
    mockApi({ [ACCESS_LOG]: () => json({ items: [checked, lookup] }) })
    renderWithProviders(<AccessLogPage />, '/chi-ha-consultato-i-miei-dati')
    expect(
      screen.getByText(
        /i controlli delle tue dichiarazioni sostitutive eseguiti da altre amministrazioni/,
      ),
    ).toBeInTheDocument()
    const table = await screen.findByRole('table', {
      name: 'Consultazioni dei tuoi dati, dalla più recente',
    })
    const row = within(table).getAllByRole('row')[1]!
    const cells = Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent)
    expect(cells.slice(1)).toEqual([
      'Controllo di una dichiarazione sui dati anagrafici',
      'Ente di prova (Verifiche demo)Applicazione di un ente',
      'Controllo a campione della dichiarazione sostitutiva di residenza, pratica 2026/123',
      '—',
    ])
    // Each cell is labelled with its column on narrow screens, where rows become cards.
    expect(row.querySelector('td[data-label="Eseguita da"]')).toHaveTextContent(
      'Applicazione di un ente',
    )
    expect(row.querySelector('td[data-label="Motivo"]')).toHaveTextContent(/pratica 2026\/123/)
  })

  it("names an organisation's application in English too", async () => {
    await setLanguage('en')
    signIn()
    mockApi({ [ACCESS_LOG]: () => json({ items: [checked] }) })
    renderWithProviders(<AccessLogPage />)
    const table = await screen.findByRole('table', {
      name: 'Consultations of your data, newest first',
    })
    expect(within(table).getByText("An organisation's application")).toBeInTheDocument()
    expect(within(table).getByText('Ente di prova (Verifiche demo)')).toBeInTheDocument()
  })

  it('says when nobody consulted the data', async () => {
    signIn()
    mockApi({ [ACCESS_LOG]: () => json({ items: [] }) })
    renderWithProviders(<AccessLogPage />)
    expect(await screen.findByText('Nessuno ha consultato i tuoi dati finora.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('shows why the list could not be loaded', async () => {
    signIn()
    mockApi({
      [ACCESS_LOG]: () =>
        problem(403, { detail: 'Servizio riservato ai cittadini.', request_id: 'req-9' }),
    })
    renderWithProviders(<AccessLogPage />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Non è stato possibile caricare l'elenco delle consultazioni.")
    expect(alert).toHaveTextContent('Servizio riservato ai cittadini.')
  })
})
