import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setLanguage } from '@/i18n'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import type { Client, NewClient } from './api/types'
import { ClientsPage } from './pages/ClientsPage'
import { checksClient, NEW_SECRET, revokedClient, SECRET } from './testData'

const LIST = 'GET /api/v1/admin/clients'
const REGISTER = 'POST /api/v1/admin/clients'
const RENEW = `POST /api/v1/admin/clients/${checksClient.client_id}/secret`
const REVOKE = `POST /api/v1/admin/clients/${checksClient.client_id}/revoke`
const KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
}
const keyClient: Client = {
  ...checksClient,
  client_id: 'app-key0000000000001',
  name: 'Protocollo informatico',
  auth_method: 'private_key_jwt',
  public_jwks: { keys: [KEY] },
}
const KEYS = `POST /api/v1/admin/clients/${keyClient.client_id}/keys`

/** A tiny back end keeping the list of applications. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let clients: Client[] = [checksClient, revokedClient]
  const replace = (changed: Client) =>
    (clients = clients.map((c) => (c.client_id === changed.client_id ? changed : c)))
  return mockApi({
    [LIST]: () => json({ items: clients }),
    [REGISTER]: (_req, body) => {
      const input = body as NewClient
      const client: Client = {
        client_id: 'app-new0000000000001',
        name: input.name,
        organisation: input.organisation,
        contact_email: input.contact_email,
        scopes: input.scopes as Client['scopes'],
        allowed_ips: input.allowed_ips ?? [],
        rate_limit_per_minute: input.rate_limit_per_minute ?? 120,
        created_at: '2026-12-08T10:00:00Z',
        secret_created_at: '2026-12-08T10:00:00Z',
        revoked_at: null,
        auth_method: input.public_jwks ? 'private_key_jwt' : 'client_secret',
        public_jwks: input.public_jwks ?? null,
      }
      clients = [client, ...clients]
      return json(input.public_jwks ? { client } : { client, client_secret: SECRET }, 201)
    },
    [RENEW]: () => {
      const client = { ...checksClient, secret_created_at: '2026-12-08T11:00:00Z' }
      replace(client)
      return json({ client, client_secret: NEW_SECRET })
    },
    [REVOKE]: () => {
      const client = { ...checksClient, revoked_at: '2026-12-08T12:00:00Z' }
      replace(client)
      return json(client)
    },
    ...extra,
  })
}

async function renderPage() {
  const user = userEvent.setup()
  renderWithProviders(<ClientsPage />, '/backoffice/applicazioni')
  const table = await screen.findByRole('table', { name: '2 applicazioni registrate' })
  return { user, table }
}

const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent)

describe('back office: third-party applications', () => {
  it('lists each application with its organisation, contact, scopes, limits, date and state', async () => {
    signIn(adminClaims)
    backEnd()
    const { table } = await renderPage()
    expect(screen.getByRole('heading', { level: 1, name: 'Applicazioni' })).toBeInTheDocument()
    // The way to the events' notifications, on their own page.
    expect(screen.getByRole('link', { name: 'registrare un webhook' })).toHaveAttribute(
      'href',
      '/backoffice/webhook',
    )

    const active = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    const [name, organisation, contact, scopes, limits, created, state] = cells(active)
    expect(name).toBe('Controlli autocertificazioniapp-3f2a9c1d0b7e4a21')
    expect(organisation).toBe('Istituto Nazionale di Esempio')
    expect(contact).toBe('api@esempio.gov.it')
    expect(scopes).toBe(
      'Controllo delle dichiarazioni sostitutive sui dati anagraficiVerifica dei certificati',
    )
    expect(limits).toBe('120 richieste al minutosolo da 192.0.2.0/24')
    expect(created).toMatch(/20 nov 2026/)
    expect(state).toBe('Attiva')
    expect(
      within(active).getByRole('button', {
        name: 'Rinnova credenziali Controlli autocertificazioni',
      }),
    ).toBeInTheDocument()
    expect(
      within(active).getByRole('button', { name: 'Revoca Controlli autocertificazioni' }),
    ).toBeInTheDocument()

    const revoked = within(table).getByRole('row', { name: /Verifiche banca/ })
    expect(cells(revoked)[4]).toBe('60 richieste al minutoda qualsiasi indirizzo')
    expect(cells(revoked)[6]).toMatch(/^Revocatail 8 ott 2026/)
    expect(within(revoked).queryByRole('button')).toBeNull()
  })

  it('says what is missing before sending, then shows the server’s field errors on their fields', async () => {
    signIn(adminClaims)
    const { requests } = backEnd({
      [REGISTER]: () =>
        problem(422, {
          title: 'Dati non validi',
          detail: 'Alcuni dati non sono validi.',
          errors: [
            { field: 'allowed_ips', message: 'Indirizzo o intervallo non valido: «300.1.1.1».' },
            { field: 'rate_limit_per_minute', message: 'Il limite va da 1 a 6000.' },
          ],
        }),
    })
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: "Registra un'applicazione" }))
    const form = screen.getByRole('region', { name: "Registra un'applicazione" })
    expect(within(form).getByRole('heading', { name: "Registra un'applicazione" })).toHaveFocus()

    const limit = within(form).getByRole('spinbutton', { name: 'Richieste al minuto' })
    expect(limit).toHaveValue(120)
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))
    const name = within(form).getByRole('textbox', { name: /Nome dell'applicazione/ })
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(/Indica il nome dell'applicazione/)
    expect(name).toHaveFocus()
    expect(within(form).getByRole('textbox', { name: /Ente o organizzazione/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    expect(
      within(form).getByRole('textbox', { name: /E-mail del referente tecnico/ }),
    ).toHaveAccessibleDescription(/Indica un indirizzo e-mail valido/)
    expect(within(form).getByRole('group', { name: /Autorizzazioni/ })).toHaveAccessibleDescription(
      "Scegli almeno un'autorizzazione.",
    )
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.type(name, 'Controlli residenza')
    await user.type(
      within(form).getByRole('textbox', { name: /Ente o organizzazione/ }),
      'Agenzia di Esempio',
    )
    await user.type(
      within(form).getByRole('textbox', { name: /E-mail del referente tecnico/ }),
      'api@agenzia.example',
    )
    const check = within(form).getByRole('checkbox', {
      name: 'Controllo delle dichiarazioni sostitutive sui dati anagrafici',
    })
    expect(check).toHaveAccessibleDescription(/la risposta è soltanto sì o no/)
    await user.click(check)
    await user.type(
      within(form).getByRole('textbox', { name: /Indirizzi IP consentiti/ }),
      '192.0.2.10\n\n300.1.1.1\n',
    )
    await user.clear(limit)
    await user.type(limit, '9000')
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))
    expect(await within(form).findByText('Indica un numero intero da 1 a 6000.')).toBeVisible()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.clear(limit)
    await user.type(limit, '30')
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))
    const ips = within(form).getByRole('textbox', { name: /Indirizzi IP consentiti/ })
    await waitFor(() => expect(ips).toHaveAttribute('aria-invalid', 'true'))
    expect(ips).toHaveAccessibleDescription(/Indirizzo o intervallo non valido: «300.1.1.1»/)
    await waitFor(() => expect(ips).toHaveFocus())
    expect(limit).toHaveAccessibleDescription(/Il limite va da 1 a 6000/)
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Controlli residenza',
      organisation: 'Agenzia di Esempio',
      contact_email: 'api@agenzia.example',
      scopes: ['registry:check'],
      allowed_ips: ['192.0.2.10', '300.1.1.1'],
      rate_limit_per_minute: 30,
    })
    // Nothing else went wrong: no general alert besides the fields' own messages.
    expect(within(form).queryByText("Non è stato possibile registrare l'applicazione.")).toBeNull()
  })

  it('registers an application and shows its secret once, with copy buttons, until dismissed', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: "Registra un'applicazione" }))
    const form = screen.getByRole('region', { name: "Registra un'applicazione" })
    await user.type(
      within(form).getByRole('textbox', { name: /Nome dell'applicazione/ }),
      'Controlli residenza',
    )
    await user.type(
      within(form).getByRole('textbox', { name: /Ente o organizzazione/ }),
      'Agenzia di Esempio',
    )
    await user.type(
      within(form).getByRole('textbox', { name: /E-mail del referente tecnico/ }),
      'api@agenzia.example',
    )
    await user.click(within(form).getByRole('checkbox', { name: 'Consultazione delle pratiche' }))
    await user.click(within(form).getByRole('checkbox', { name: 'Verifica dei certificati' }))
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))

    const box = await screen.findByRole('region', {
      name: 'Applicazione «Controlli residenza» registrata: le sue credenziali',
    })
    expect(within(box).getByRole('heading')).toHaveFocus()
    expect(box).toHaveTextContent('Copia ora il segreto: non sarà più mostrato.')
    expect(box).toHaveTextContent('api@agenzia.example')
    expect(within(box).getByText('app-new0000000000001')).toBeInTheDocument()
    expect(within(box).getByText(SECRET)).toBeInTheDocument()
    expect(box).toHaveTextContent(`${window.location.origin}/api/v1/oauth/token`)
    // Scopes in the catalogue's order; no addresses; the default limit left to the server.
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Controlli residenza',
      organisation: 'Agenzia di Esempio',
      contact_email: 'api@agenzia.example',
      scopes: ['certificates:verify', 'practices:read'],
      allowed_ips: [],
      rate_limit_per_minute: 120,
    })
    expect(screen.queryByRole('region', { name: "Registra un'applicazione" })).toBeNull()

    await user.click(within(box).getByRole('button', { name: 'Copia il segreto' }))
    expect(await navigator.clipboard.readText()).toBe(SECRET)
    expect(within(box).getByRole('status')).toHaveTextContent('Segreto copiato negli appunti.')
    await user.click(within(box).getByRole('button', { name: "Copia l'identificativo" }))
    expect(await navigator.clipboard.readText()).toBe('app-new0000000000001')

    // The list is read again and shows the new application first.
    const table = await screen.findByRole('table', { name: '3 applicazioni registrate' })
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('Controlli residenza')

    await user.click(within(box).getByRole('button', { name: 'Ho copiato il segreto, chiudi' }))
    expect(screen.queryByText(SECRET)).toBeNull()
    await waitFor(() =>
      expect(screen.getByRole('button', { name: "Registra un'applicazione" })).toHaveFocus(),
    )
  })

  it('selects the secret for a copy by hand when the browser refuses the clipboard', async () => {
    signIn(adminClaims)
    backEnd()
    const { user, table } = await renderPage()
    await user.click(
      within(table).getByRole('button', {
        name: 'Rinnova credenziali Controlli autocertificazioni',
      }),
    )
    await user.click(screen.getByRole('button', { name: 'Sì, rinnova le credenziali' }))
    const box = await screen.findByRole('region', { name: /Nuove credenziali/ })
    const refused = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
    await user.click(within(box).getByRole('button', { name: 'Copia il segreto' }))
    expect(within(box).getByRole('status')).toHaveTextContent(/copialo con Ctrl\+C/)
    expect(window.getSelection()?.toString()).toBe(NEW_SECRET)
    refused.mockRestore()
  })

  it('registers an application with its public key: no secret is issued, and bad JSON is said first', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: "Registra un'applicazione" }))
    const form = screen.getByRole('region', { name: "Registra un'applicazione" })
    await user.type(
      within(form).getByRole('textbox', { name: /Nome dell'applicazione/ }),
      'Protocollo informatico',
    )
    await user.type(
      within(form).getByRole('textbox', { name: /Ente o organizzazione/ }),
      'Comune di Valdoria',
    )
    await user.type(
      within(form).getByRole('textbox', { name: /E-mail del referente tecnico/ }),
      'protocollo@comune.example.it',
    )
    await user.click(within(form).getByRole('checkbox', { name: 'Consultazione delle pratiche' }))
    const keys = within(form).getByRole('textbox', { name: /Chiavi pubbliche dell'applicazione/ })
    await user.type(keys, 'not json')
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))
    expect(keys).toHaveFocus()
    expect(keys).toHaveAccessibleDescription(/non è un oggetto JSON valido/)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.clear(keys)
    await user.click(keys)
    await user.paste(JSON.stringify(KEY))
    await user.click(within(form).getByRole('button', { name: "Registra l'applicazione" }))
    const box = await screen.findByRole('region', {
      name: 'Applicazione «Protocollo informatico» registrata: le sue credenziali',
    })
    expect(box).toHaveTextContent('il portale non rilascia alcun segreto')
    expect(within(box).queryByRole('button', { name: 'Copia il segreto' })).toBeNull()
    expect(within(box).getByText('app-new0000000000001')).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ public_jwks: KEY })
    const table = await screen.findByRole('table', { name: '3 applicazioni registrate' })
    const row = within(table).getByRole('row', { name: /Protocollo informatico/ })
    expect(row).toHaveTextContent('autenticazione con chiave pubblica')
    expect(within(row).getByRole('button', { name: /Sostituisci chiavi/ })).toBeInTheDocument()
    expect(within(row).queryByRole('button', { name: /Rinnova credenziali/ })).toBeNull()
  })

  it('replaces the keys of a key application, showing a refused key on its field', async () => {
    signIn(adminClaims)
    let calls = 0
    const { requests } = backEnd({
      [LIST]: () => json({ items: [keyClient, checksClient] }),
      [KEYS]: () => {
        calls += 1
        return calls === 1
          ? problem(422, {
              title: 'Dati non validi',
              detail: 'Controllare i campi: public_jwks.',
              code: 'validation_failed',
              errors: [
                {
                  field: 'public_jwks',
                  message:
                    'Chiave non accettata: occorre una chiave RSA di almeno 2048 bit o EC P-256/P-384.',
                },
              ],
            })
          : json(keyClient)
      },
    })
    const user = userEvent.setup()
    renderWithProviders(<ClientsPage />, '/backoffice/applicazioni')
    const table = await screen.findByRole('table', { name: '2 applicazioni registrate' })
    const row = within(table).getByRole('row', { name: /Protocollo informatico/ })
    await user.click(within(row).getByRole('button', { name: /Sostituisci chiavi/ }))
    const panel = screen.getByRole('region', {
      name: "Sostituisci le chiavi pubbliche dell'applicazione «Protocollo informatico»",
    })
    expect(within(panel).getByRole('heading')).toHaveFocus()
    await user.click(within(panel).getByRole('button', { name: 'Sostituisci le chiavi' }))
    const field = within(panel).getByRole('textbox', { name: /Nuove chiavi pubbliche/ })
    expect(field).toHaveAccessibleDescription(/Incolla le nuove chiavi pubbliche/)
    await user.click(field)
    await user.paste('{"kty": "RSA", "n": "AQAB", "e": "AQAB"}')
    await user.click(within(panel).getByRole('button', { name: 'Sostituisci le chiavi' }))
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Chiave non accettata/))
    await user.clear(field)
    await user.click(field)
    await user.paste(JSON.stringify({ keys: [KEY] }))
    await user.click(within(panel).getByRole('button', { name: 'Sostituisci le chiavi' }))
    expect(
      await screen.findByText(/Chiavi dell'applicazione «Protocollo informatico» sostituite/),
    ).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: /Sostituisci le chiavi pubbliche/ })).toBeNull()
    expect(requests.filter((r) => r.path.endsWith('/keys')).at(-1)?.body).toEqual({
      public_jwks: { keys: [KEY] },
    })
  })

  it('renews the credentials after a confirmation, which can be cancelled', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user, table } = await renderPage()
    const renew = within(table).getByRole('button', {
      name: 'Rinnova credenziali Controlli autocertificazioni',
    })
    await user.click(renew)
    const question = screen.getByRole('group', {
      name: "Vuoi rinnovare le credenziali dell'applicazione «Controlli autocertificazioni» (Istituto Nazionale di Esempio)?",
    })
    expect(within(question).getByText(/Vuoi rinnovare/)).toHaveFocus()
    expect(question).toHaveTextContent(/smetteranno subito di funzionare/)
    await user.click(within(question).getByRole('button', { name: 'No, annulla' }))
    expect(screen.queryByRole('group', { name: /Vuoi rinnovare/ })).toBeNull()
    await waitFor(() => expect(renew).toHaveFocus())
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.click(renew)
    await user.click(screen.getByRole('button', { name: 'Sì, rinnova le credenziali' }))
    const box = await screen.findByRole('region', {
      name: "Nuove credenziali dell'applicazione «Controlli autocertificazioni»",
    })
    expect(box).toHaveTextContent('Copia ora il segreto: non sarà più mostrato.')
    expect(box).toHaveTextContent(
      /Il segreto precedente e i token di accesso .* non funzionano più/,
    )
    expect(within(box).getByText(NEW_SECRET)).toBeInTheDocument()
    expect(within(box).getByText(checksClient.client_id)).toBeInTheDocument()
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/v1/admin/clients/${checksClient.client_id}/secret`,
    ])
    const row = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    await waitFor(() => expect(row).toHaveTextContent(/credenziali rinnovate il/))
  })

  it('revokes an application after a confirmation: it stays listed, revoked, without buttons', async () => {
    signIn(adminClaims)
    backEnd()
    const { user, table } = await renderPage()
    await user.click(
      within(table).getByRole('button', { name: 'Revoca Controlli autocertificazioni' }),
    )
    const question = screen.getByRole('group', {
      name: "Vuoi revocare l'applicazione «Controlli autocertificazioni» (Istituto Nazionale di Esempio)?",
    })
    expect(question).toHaveTextContent(/La revoca non si può annullare/)
    await user.click(within(question).getByRole('button', { name: "Sì, revoca l'applicazione" }))

    const outcome = await screen.findByText(
      "L'applicazione «Controlli autocertificazioni» è stata revocata: non può più ottenere token di accesso.",
    )
    expect(outcome.closest('[role="status"]')).toHaveFocus()
    const row = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    await waitFor(() => expect(cells(row)[6]).toMatch(/^Revocata/))
    expect(within(row).queryByRole('button')).toBeNull()
  })

  it('explains a refused revocation and keeps the page usable', async () => {
    signIn(adminClaims)
    backEnd({
      [REVOKE]: () =>
        problem(409, {
          title: 'Conflitto',
          detail: "L'applicazione è già stata revocata.",
          code: 'client_revoked',
          request_id: 'req-42',
        }),
    })
    const { user, table } = await renderPage()
    const revoke = within(table).getByRole('button', {
      name: 'Revoca Controlli autocertificazioni',
    })
    await user.click(revoke)
    await user.click(screen.getByRole('button', { name: "Sì, revoca l'applicazione" }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Non è stato possibile revocare l'applicazione.")
    expect(alert).toHaveTextContent("L'applicazione è già stata revocata.")
    expect(alert).toHaveTextContent('req-42')
    expect(screen.queryByRole('group', { name: /Vuoi revocare/ })).toBeNull()
    await waitFor(() => expect(revoke).toHaveFocus())
    // The way on: another action is there, and clears the message.
    await user.click(screen.getByRole('button', { name: "Registra un'applicazione" }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says when no application is registered, and why the list could not be loaded', async () => {
    signIn(adminClaims)
    mockApi({ [LIST]: () => json({ items: [] }) })
    const { unmount } = renderWithProviders(<ClientsPage />)
    expect(await screen.findByText('Nessuna applicazione registrata.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    unmount()

    mockApi({ [LIST]: () => problem(403, { detail: 'Permesso mancante: clients.manage.' }) })
    renderWithProviders(<ClientsPage />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Non è stato possibile caricare l'elenco delle applicazioni.")
    expect(alert).toHaveTextContent('Permesso mancante: clients.manage.')
    expect(screen.getByRole('button', { name: "Registra un'applicazione" })).toBeInTheDocument()
  })

  it('speaks English too', async () => {
    await setLanguage('en')
    signIn(adminClaims)
    backEnd()
    renderWithProviders(<ClientsPage />)
    const table = await screen.findByRole('table', { name: '2 registered applications' })
    const row = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    expect(row).toHaveTextContent('Checks of self-declarations against the registry')
    expect(row).toHaveTextContent('120 requests a minute')
    expect(within(row).getByRole('button', { name: /^Renew credentials/ })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Applications' })).toBeInTheDocument()
  })
})
