import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { activeAccount, pendingAccount } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { BackOfficePage } from './pages/BackOfficePage'

const LIST = 'GET /api/v1/admin/accounts'
const ACTIVATE = `POST /api/v1/admin/accounts/${pendingAccount.id}/activate`
const REJECT = `POST /api/v1/admin/accounts/${pendingAccount.id}/reject`

/** A tiny back end: the pending list empties once the account is activated or rejected. */
function counter(extra: Parameters<typeof mockApi>[0] = {}) {
  let pending = [pendingAccount]
  const api = mockApi({
    [LIST]: (req) => {
      const status = new URL(req.url).searchParams.get('status')
      return json({ accounts: status === 'active' ? [activeAccount] : pending })
    },
    [ACTIVATE]: () => {
      pending = []
      return json({ ...pendingAccount, status: 'active' })
    },
    [REJECT]: () => {
      pending = []
      return json({ ...pendingAccount, status: 'rejected' })
    },
    ...extra,
  })
  return api
}

async function openPending() {
  const user = userEvent.setup()
  renderWithProviders(<BackOfficePage />, '/backoffice')
  const table = await screen.findByRole('table', { name: '1 account in attesa di identificazione' })
  await user.click(within(table).getByRole('button', { name: 'Identifica Bianchi Laura' }))
  const panel = screen.getByRole('region', { name: 'Identificazione di Bianchi Laura' })
  return { user, panel }
}

describe('back office: counter identification', () => {
  it('lists pending accounts and searches by codice fiscale or surname', async () => {
    signIn(operatorClaims)
    const { requests } = counter()
    const user = userEvent.setup()
    renderWithProviders(<BackOfficePage />, '/backoffice')

    expect(
      screen.getByRole('heading', { level: 1, name: 'Identificazione allo sportello' }),
    ).toBeInTheDocument()
    const table = await screen.findByRole('table', {
      name: '1 account in attesa di identificazione',
    })
    expect(within(table).getByRole('rowheader', { name: 'Bianchi Laura' })).toBeInTheDocument()
    expect(within(table).getByText('BNCLRA90A41H501Y')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'In attesa di identificazione' })).toHaveAttribute(
      'aria-current',
      'page',
    )

    await user.type(screen.getByRole('searchbox', { name: 'Codice fiscale o cognome' }), 'bian')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    await screen.findByRole('table', { name: /per la ricerca «bian»/ })
    const last = requests.filter((r) => r.path === '/api/v1/admin/accounts').at(-1)
    expect(new URLSearchParams(last?.query)).toEqual(
      new URLSearchParams({ status: 'pending_identification', q: 'bian' }),
    )
    expect(last?.authorization).toMatch(/^Bearer /)
  })

  it('shows the other states with the document recorded', async () => {
    signIn(operatorClaims)
    counter()
    const user = userEvent.setup()
    renderWithProviders(<BackOfficePage />, '/backoffice')
    await user.click(await screen.findByRole('link', { name: 'Attivi' }))
    const table = await screen.findByRole('table', { name: '1 account attivo' })
    expect(
      within(table).getByText(/Carta d'identità elettronica \(CIE\) CA12345AB/),
    ).toBeInTheDocument()
    expect(within(table).queryByRole('button', { name: /Identifica/ })).toBeNull()
    expect(screen.getByRole('link', { name: 'Attivi' })).toHaveAttribute('aria-current', 'page')
  })

  it('asks for the document before activating', async () => {
    signIn(operatorClaims)
    const { requests } = counter()
    const { user, panel } = await openPending()
    expect(
      within(panel).getByRole('heading', { name: 'Identificazione di Bianchi Laura' }),
    ).toHaveFocus()
    await user.click(within(panel).getByRole('button', { name: 'Attiva account' }))
    const type = within(panel).getByRole('combobox', { name: /Tipo di documento/ })
    expect(type).toHaveAttribute('aria-invalid', 'true')
    expect(type).toHaveAccessibleDescription('Scegli il tipo di documento.')
    expect(type).toHaveFocus()
    expect(within(panel).getByLabelText(/Numero del documento/)).toHaveAccessibleDescription(
      /Inserisci il numero del documento/,
    )
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it('activates the account with the document, says so and refreshes the list', async () => {
    signIn(operatorClaims)
    const { requests } = counter()
    const { user, panel } = await openPending()
    await user.selectOptions(
      within(panel).getByRole('combobox', { name: /Tipo di documento/ }),
      "Carta d'identità elettronica (CIE)",
    )
    await user.type(within(panel).getByLabelText(/Numero del documento/), 'ca12345ab')
    await user.type(within(panel).getByLabelText(/Data di scadenza/), '2031-05-20')
    await user.click(within(panel).getByRole('button', { name: 'Attiva account' }))

    expect(
      await screen.findByText(
        "L'account di Bianchi Laura (BNCLRA90A41H501Y) è stato attivato: ora la persona può accedere al portale.",
      ),
    ).toBeInTheDocument()
    expect(
      screen.getByText(/ne riceve comunicazione all'indirizzo laura\.bianchi@example\.org/),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.path.endsWith('/activate'))?.body).toEqual({
      document_type: 'carta_identita_elettronica',
      document_number: 'CA12345AB',
      document_expiry: '2031-05-20',
    })
    expect(
      await screen.findByText('Nessun account in attesa di identificazione'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /Identificazione di/ })).toBeNull()
  })

  it("shows the server's refusal of the document on its field", async () => {
    signIn(operatorClaims)
    counter({
      [ACTIVATE]: () =>
        problem(422, {
          code: 'validation_failed',
          errors: [
            {
              field: 'document_expiry',
              message: "Il documento è scaduto: non può essere usato per l'identificazione.",
            },
          ],
        }),
    })
    const { user, panel } = await openPending()
    await user.selectOptions(
      within(panel).getByRole('combobox', { name: /Tipo di documento/ }),
      'Passaporto',
    )
    await user.type(within(panel).getByLabelText(/Numero del documento/), 'YA1234567')
    await user.type(within(panel).getByLabelText(/Data di scadenza/), '2020-01-01')
    await user.click(within(panel).getByRole('button', { name: 'Attiva account' }))
    const expiry = within(panel).getByLabelText(/Data di scadenza/)
    await waitFor(() => expect(expiry).toHaveAttribute('aria-invalid', 'true'))
    expect(expiry).toHaveAccessibleDescription(/Il documento è scaduto/)
  })

  it('rejects only after a confirmation, which can be withdrawn', async () => {
    signIn(operatorClaims)
    const { requests } = counter()
    const { user, panel } = await openPending()
    await user.click(within(panel).getByRole('button', { name: 'Respingi' }))
    const question = screen.getByRole('group', {
      name: 'Vuoi respingere la richiesta di registrazione di Bianchi Laura?',
    })
    expect(within(question).getByText(/Vuoi respingere/)).toHaveFocus()
    await user.click(
      within(question).getByRole('button', { name: "No, torna all'identificazione" }),
    )
    expect(screen.queryByRole('group', { name: /Vuoi respingere/ })).toBeNull()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.click(within(panel).getByRole('button', { name: 'Respingi' }))
    await user.click(screen.getByRole('button', { name: 'Sì, respingi la richiesta' }))
    expect(
      await screen.findByText(
        'La richiesta di registrazione di Bianchi Laura (BNCLRA90A41H501Y) è stata respinta.',
      ),
    ).toBeInTheDocument()
    expect(requests.filter((r) => r.path.endsWith('/reject'))).toHaveLength(1)
  })
})
