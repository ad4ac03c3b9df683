import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminUser, auditorsGroup, citizenUser, operatorsGroup } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import { UsersPage } from './pages/UsersPage'

const USERS = 'GET /api/v1/admin/users'
const GROUPS = 'GET /api/v1/admin/groups'
const LOCK = `POST /api/v1/admin/users/${citizenUser.id}/lock`
const UNLOCK = `POST /api/v1/admin/users/${citizenUser.id}/unlock`
const RESET = `POST /api/v1/admin/users/${citizenUser.id}/reset-password`
const SET_GROUPS = `PUT /api/v1/admin/users/${citizenUser.id}/groups`

/** A tiny back end keeping the citizen's status and groups. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let citizen = { ...citizenUser }
  return mockApi({
    [USERS]: () => json([citizen, adminUser]),
    [GROUPS]: () => json([operatorsGroup, auditorsGroup]),
    [LOCK]: () => json((citizen = { ...citizen, status: 'locked' })),
    [UNLOCK]: () => json((citizen = { ...citizen, status: 'active' })),
    [RESET]: () => json({ temporary_password: 'Tmp4Xy82Qa' }),
    [SET_GROUPS]: (_req, body) =>
      json((citizen = { ...citizen, groups: (body as { group_ids: string[] }).group_ids })),
    ...extra,
  })
}

async function openCitizen() {
  const user = userEvent.setup()
  renderWithProviders(<UsersPage />, '/backoffice/utenti')
  const table = await screen.findByRole('table', { name: '2 utenti' })
  await user.click(within(table).getByRole('button', { name: 'Apri la scheda Verdi Giuseppe' }))
  const panel = screen.getByRole('region', { name: 'Scheda di Verdi Giuseppe' })
  return { user, panel }
}

describe('back office: user profiling', () => {
  it('lists the accounts with role, status and group names, and searches by text, role and status', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const user = userEvent.setup()
    renderWithProviders(<UsersPage />, '/backoffice/utenti')

    expect(
      screen.getByRole('heading', { level: 1, name: 'Profilazione utenti' }),
    ).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: '2 utenti' })
    const row = within(table).getByRole('row', { name: /Amministratore Demo/ })
    expect(within(row).getByText('admin')).toBeInTheDocument()
    expect(within(row).getByText('Amministratore')).toBeInTheDocument()
    expect(within(row).getByText('Attivo')).toBeInTheDocument()
    expect(within(table).getByText('VRDGPP80A01H501U')).toBeInTheDocument()

    await user.type(
      screen.getByRole('searchbox', { name: 'Codice fiscale, nome utente o cognome' }),
      'ver',
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Ruolo' }), 'Cittadino')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stato' }), 'Bloccato')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    await screen.findByRole('table', { name: '2 utenti corrispondenti alla ricerca' })
    const last = requests.filter((r) => r.path === '/api/v1/admin/users').at(-1)
    expect(new URLSearchParams(last?.query)).toEqual(
      new URLSearchParams({ q: 'ver', role: 'citizen', status: 'locked' }),
    )
    expect(last?.authorization).toMatch(/^Bearer /)
  })

  it('locks only after a confirmation, says so, and unlocks', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user, panel } = await openCitizen()
    expect(within(panel).getByRole('heading', { name: 'Scheda di Verdi Giuseppe' })).toHaveFocus()

    await user.click(within(panel).getByRole('button', { name: "Blocca l'account" }))
    const question = within(panel).getByRole('group', {
      name: "Vuoi bloccare l'account di Verdi Giuseppe?",
    })
    expect(within(question).getByText(/Vuoi bloccare/)).toHaveFocus()
    await user.click(within(question).getByRole('button', { name: 'Annulla' }))
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: "Blocca l'account" })).toHaveFocus(),
    )
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.click(within(panel).getByRole('button', { name: "Blocca l'account" }))
    await user.click(within(panel).getByRole('button', { name: "Sì, blocca l'account" }))
    const status = await within(panel).findByText(
      "L'account di Verdi Giuseppe è stato bloccato e le sue sessioni sono terminate.",
    )
    expect(status.closest('[role="status"]')).toHaveFocus()
    expect(requests.filter((r) => r.path.endsWith('/lock'))).toHaveLength(1)
    expect(within(panel).getByText('Bloccato')).toBeInTheDocument()

    await user.click(within(panel).getByRole('button', { name: "Sblocca l'account" }))
    expect(
      await within(panel).findByText(/L'account di Verdi Giuseppe è stato sbloccato/),
    ).toBeInTheDocument()
    expect(requests.filter((r) => r.path.endsWith('/unlock'))).toHaveLength(1)
  })

  it('shows the temporary password the server answers, once confirmed', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user, panel } = await openCitizen()
    await user.click(within(panel).getByRole('button', { name: 'Reimposta la password' }))
    await user.click(within(panel).getByRole('button', { name: 'Sì, reimposta la password' }))
    expect(await within(panel).findByText('Tmp4Xy82Qa')).toBeInTheDocument()
    expect(within(panel).getByText(/viene mostrata soltanto ora/)).toBeInTheDocument()
    expect(requests.filter((r) => r.path.endsWith('/reset-password'))).toHaveLength(1)
  })

  it('replaces the groups with the ones ticked', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user, panel } = await openCitizen()
    const groups = within(panel).getByRole('group', { name: 'Gruppi di appartenenza' })
    const builtIn = within(groups).getByRole('checkbox', {
      name: 'Operatori anagrafe (gruppo predefinito)',
    })
    expect(builtIn).toHaveAccessibleDescription("Personale dell'Ufficio Servizi Demografici")
    await user.click(within(groups).getByRole('checkbox', { name: 'Revisori' }))
    await user.click(within(panel).getByRole('button', { name: 'Salva i gruppi' }))
    expect(
      await within(panel).findByText('I gruppi di Verdi Giuseppe sono stati aggiornati.'),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      group_ids: ['grp-revisori'],
    })
    const table = screen.getByRole('table', { name: '2 utenti' })
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /Verdi Giuseppe/ })).toHaveTextContent(
        'Revisori',
      ),
    )
  })

  it("shows the server's refusal and keeps the own account out of reach", async () => {
    signIn(adminClaims)
    backEnd({
      [LOCK]: () =>
        problem(409, {
          code: 'account_not_active',
          detail: 'Solo gli account attivi o bloccati cambiano stato qui.',
        }),
    })
    const { user, panel } = await openCitizen()
    await user.click(within(panel).getByRole('button', { name: "Blocca l'account" }))
    await user.click(within(panel).getByRole('button', { name: "Sì, blocca l'account" }))
    const alert = await within(panel).findByRole('alert')
    expect(alert).toHaveTextContent("L'operazione non è riuscita.")
    expect(alert).toHaveTextContent('Solo gli account attivi o bloccati cambiano stato qui.')

    await user.click(screen.getByRole('button', { name: 'Apri la scheda Amministratore Demo' }))
    const own = screen.getByRole('region', { name: 'Scheda di Amministratore Demo' })
    expect(within(own).getByText(/È il tuo account/)).toBeInTheDocument()
    expect(within(own).queryByRole('button', { name: /Blocca|Reimposta/ })).toBeNull()
  })

  it('says when the list cannot be loaded', async () => {
    signIn(adminClaims)
    backEnd({ [USERS]: () => problem(403, { detail: 'Operazione non consentita.' }) })
    renderWithProviders(<UsersPage />, '/backoffice/utenti')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Non è stato possibile caricare l'elenco degli utenti.")
    expect(alert).toHaveTextContent('Operazione non consentita.')
  })
})
