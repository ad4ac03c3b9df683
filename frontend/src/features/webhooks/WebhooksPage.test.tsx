import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setLanguage } from '@/i18n'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import type { NewWebhook, Webhook } from './api/types'
import { WebhooksPage } from './pages/WebhooksPage'
import {
  certificatesHook,
  checksApp,
  deliveries,
  practicesHook,
  recordsApp,
  revokedApp,
  SECRET,
} from './testData'

const LIST = 'GET /api/v1/admin/webhooks'
const APPLICATIONS = 'GET /api/v1/admin/clients'
const REGISTER = 'POST /api/v1/admin/webhooks'
const DELIVERIES = `GET /api/v1/admin/webhooks/${certificatesHook.id}/deliveries`
const RETRY = `POST /api/v1/admin/webhooks/${certificatesHook.id}/retry`
const DISABLE = `POST /api/v1/admin/webhooks/${certificatesHook.id}/disable`
const CHECKS = 'Controlli autocertificazioni (Istituto Nazionale di Esempio)'
const RECORDS = 'Protocollo informatico (Unione dei Comuni di Esempio)'

/** A tiny back end keeping the list of webhooks. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let webhooks: Webhook[] = [certificatesHook, practicesHook]
  const replace = (changed: Webhook) =>
    (webhooks = webhooks.map((w) => (w.id === changed.id ? changed : w)))
  return mockApi({
    [LIST]: () => json({ items: webhooks }),
    [APPLICATIONS]: () => json({ items: [checksApp, recordsApp, revokedApp] }),
    [REGISTER]: (_req, body) => {
      const input = body as NewWebhook
      const webhook: Webhook = {
        id: 'wh-new00000000000000000000000000001',
        client_id: input.client_id,
        url: input.url,
        events: input.events as Webhook['events'],
        created_at: '2026-12-08T10:00:00Z',
        disabled_at: null,
        last_success_at: null,
        last_failure_at: null,
        last_error: null,
        pending: 0,
        failed: 0,
      }
      webhooks = [webhook, ...webhooks]
      return json({ webhook, secret: SECRET }, 201)
    },
    [DELIVERIES]: () => json({ items: deliveries }),
    [RETRY]: () => {
      replace({ ...certificatesHook, pending: 3, failed: 0 })
      return json({ queued: 2 })
    },
    [DISABLE]: () => {
      const webhook = { ...certificatesHook, disabled_at: '2026-12-08T12:00:00Z' }
      replace(webhook)
      return json(webhook)
    },
    ...extra,
  })
}

async function renderPage() {
  const user = userEvent.setup()
  renderWithProviders(<WebhooksPage />, '/backoffice/webhook')
  const table = await screen.findByRole('table', { name: '2 webhook registrati' })
  // The applications' names replace their client_id once loaded.
  await within(table).findByText('Controlli autocertificazioni')
  return { user, table }
}

const cells = (row: HTMLElement) =>
  Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent)

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Registra un webhook' }))
  const form = screen.getByRole('region', { name: 'Registra un webhook' })
  expect(within(form).getByRole('heading', { name: 'Registra un webhook' })).toHaveFocus()
  return form
}

describe('back office: webhooks', () => {
  it('lists each webhook with its application, address, events, state and deliveries', async () => {
    signIn(adminClaims)
    backEnd()
    const { table } = await renderPage()
    expect(screen.getByRole('heading', { level: 1, name: 'Webhook' })).toBeInTheDocument()

    const active = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    const [application, url, events, state, health] = cells(active)
    expect(application).toBe('Controlli autocertificazioniapp-3f2a9c1d0b7e4a21')
    expect(url).toBe('https://verifiche.esempio.gov.it/portale/webhook')
    expect(events).toBe('Rilascio di un certificatoRevoca di un certificato')
    expect(state).toMatch(/^Attivoregistrato il 20 nov 2026/)
    expect(health).toMatch(
      /^Ultima consegna riuscita il 30 nov 2026 .*Ultimo errore il 2 dic 2026 .*HTTP 503: Servizio temporaneamente non disponibile1 in attesa di invio2 non riuscite$/,
    )
    const name = 'Controlli autocertificazioni https://verifiche.esempio.gov.it/portale/webhook'
    for (const action of ['Consegne', 'Rinvia consegne non riuscite', 'Disattiva']) {
      expect(within(active).getByRole('button', { name: `${action} ${name}` })).toBeInTheDocument()
    }

    // Disabled: only its deliveries can be looked at.
    const disabled = within(table).getByRole('row', { name: /Protocollo informatico/ })
    const [, , practiceEvents, disabledState, quiet] = cells(disabled)
    expect(practiceEvents).toBe(
      'Presentazione di una pratica onlineCambio di stato di una pratica online',
    )
    expect(disabledState).toMatch(/^Disattivatoil 25 nov 2026/)
    expect(quiet).toBe('Nessuna consegna riuscita')
    expect(
      within(disabled)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([`Consegne Protocollo informatico ${practicesHook.url}`])
  })

  it('enables only the events the chosen application’s scopes allow, saying which scope is missing', async () => {
    signIn(adminClaims)
    backEnd()
    const { user } = await renderPage()
    const form = await openForm(user)
    const application = within(form).getByRole('combobox', { name: /Applicazione/ })
    // Revoked applications are not offered.
    expect(
      within(application)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(["Scegli l'applicazione", CHECKS, RECORDS])
    const box = (name: string) => within(form).getByRole('checkbox', { name })
    const issued = box('Rilascio di un certificato')
    const submitted = box('Presentazione di una pratica online')
    expect(issued).toBeDisabled()
    expect(submitted).toBeDisabled()
    expect(issued).toHaveAccessibleDescription(/Scegli prima l'applicazione/)

    await user.selectOptions(application, CHECKS)
    expect(issued).toBeEnabled()
    expect(box('Revoca di un certificato')).toBeEnabled()
    expect(issued).toHaveAccessibleDescription(
      'Identificativo, tipo e validità del certificato rilasciato. certificate.issued',
    )
    expect(submitted).toBeDisabled()
    expect(submitted).toHaveAccessibleDescription(
      /Non disponibile: l'applicazione non ha l'autorizzazione «Consultazione delle pratiche» \(practices:read\)\./,
    )
    await user.click(issued)
    expect(issued).toBeChecked()

    // Another application: what it may not receive is dropped, what it may is offered.
    await user.selectOptions(application, RECORDS)
    expect(issued).not.toBeChecked()
    expect(issued).toBeDisabled()
    expect(issued).toHaveAccessibleDescription(
      /non ha l'autorizzazione «Verifica dei certificati» \(certificates:verify\)/,
    )
    expect(submitted).toBeEnabled()
    expect(box('Cambio di stato di una pratica online')).toBeEnabled()
  })

  it('says what is missing before sending, then shows the server’s field errors on their fields', async () => {
    signIn(adminClaims)
    const { requests } = backEnd({
      [REGISTER]: () =>
        problem(422, {
          title: 'Dati non validi',
          detail: 'Alcuni dati non sono validi.',
          errors: [
            {
              field: 'url',
              message:
                'Indicare un indirizzo HTTPS completo (http:// è ammesso solo verso questa macchina), senza credenziali.',
            },
          ],
        }),
    })
    const { user } = await renderPage()
    const form = await openForm(user)
    await user.click(within(form).getByRole('button', { name: 'Registra il webhook' }))
    const application = within(form).getByRole('combobox', { name: /Applicazione/ })
    expect(application).toHaveAttribute('aria-invalid', 'true')
    expect(application).toHaveAccessibleDescription(/Scegli l'applicazione\./)
    expect(application).toHaveFocus()
    const url = within(form).getByRole('textbox', { name: /Indirizzo del webhook/ })
    expect(url).toHaveAccessibleDescription(/Indica l'indirizzo del webhook\./)
    expect(
      within(form).getByRole('group', { name: /Eventi da notificare/ }),
    ).toHaveAccessibleDescription('Scegli almeno un evento.')
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.selectOptions(application, CHECKS)
    expect(application).not.toHaveAttribute('aria-invalid')
    await user.type(url, 'protocollo.esempio.it/hook')
    await user.click(within(form).getByRole('checkbox', { name: 'Revoca di un certificato' }))
    await user.click(within(form).getByRole('button', { name: 'Registra il webhook' }))
    expect(url).toHaveAccessibleDescription(
      /Indica un indirizzo completo, che inizi con https:\/\//,
    )
    expect(url).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.clear(url)
    await user.type(url, 'http://protocollo.esempio.it/hook')
    await user.click(within(form).getByRole('button', { name: 'Registra il webhook' }))
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'))
    expect(url).toHaveAccessibleDescription(/Indicare un indirizzo HTTPS completo/)
    await waitFor(() => expect(url).toHaveFocus())
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      client_id: checksApp.client_id,
      url: 'http://protocollo.esempio.it/hook',
      events: ['certificate.revoked'],
    })
    // Nothing else went wrong: no general alert besides the field's own message.
    expect(within(form).queryByText('Non è stato possibile registrare il webhook.')).toBeNull()
  })

  it('registers a webhook and shows its secret once, with how to verify signatures, until dismissed', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user } = await renderPage()
    const form = await openForm(user)
    await user.selectOptions(within(form).getByRole('combobox', { name: /Applicazione/ }), CHECKS)
    await user.type(
      within(form).getByRole('textbox', { name: /Indirizzo del webhook/ }),
      '  https://verifiche.esempio.gov.it/nuovo  ',
    )
    await user.click(within(form).getByRole('checkbox', { name: 'Revoca di un certificato' }))
    await user.click(within(form).getByRole('checkbox', { name: 'Rilascio di un certificato' }))
    await user.click(within(form).getByRole('button', { name: 'Registra il webhook' }))

    const box = await screen.findByRole('region', {
      name: "Webhook dell'applicazione «Controlli autocertificazioni» registrato: il segreto di firma",
    })
    expect(within(box).getByRole('heading', { level: 2 })).toHaveFocus()
    expect(box).toHaveTextContent('Copia ora il segreto: non sarà più mostrato.')
    expect(box).toHaveTextContent('api@esempio.gov.it')
    expect(box).toHaveTextContent('Rilascio di un certificato, Revoca di un certificato')
    expect(within(box).getByText(SECRET)).toBeInTheDocument()
    const verify = within(box).getByRole('list')
    expect(verify).toHaveTextContent(/HMAC-SHA256, con il segreto come chiave/)
    expect(verify).toHaveTextContent(/X-Portale-Signature è uguale a sha256=/)
    expect(verify).toHaveTextContent(/X-Portale-Event-Id/)
    // Events in the catalogue's order; the address without its spaces.
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      client_id: checksApp.client_id,
      url: 'https://verifiche.esempio.gov.it/nuovo',
      events: ['certificate.issued', 'certificate.revoked'],
    })
    expect(screen.queryByRole('region', { name: 'Registra un webhook' })).toBeNull()

    await user.click(within(box).getByRole('button', { name: 'Copia il segreto' }))
    expect(await navigator.clipboard.readText()).toBe(SECRET)
    expect(within(box).getByRole('status')).toHaveTextContent('Segreto copiato negli appunti.')

    // The list is read again and shows the new webhook first.
    const table = await screen.findByRole('table', { name: '3 webhook registrati' })
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      'https://verifiche.esempio.gov.it/nuovo',
    )

    await user.click(within(box).getByRole('button', { name: 'Ho copiato il segreto, chiudi' }))
    expect(screen.queryByText(SECRET)).toBeNull()
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Registra un webhook' })).toHaveFocus(),
    )
  })

  it('selects the secret for a copy by hand when the browser refuses the clipboard', async () => {
    signIn(adminClaims)
    backEnd()
    const { user } = await renderPage()
    const form = await openForm(user)
    await user.selectOptions(within(form).getByRole('combobox', { name: /Applicazione/ }), RECORDS)
    await user.type(
      within(form).getByRole('textbox', { name: /Indirizzo del webhook/ }),
      'https://protocollo.unione.example.it/nuovo',
    )
    await user.click(
      within(form).getByRole('checkbox', { name: 'Presentazione di una pratica online' }),
    )
    await user.click(within(form).getByRole('button', { name: 'Registra il webhook' }))
    const box = await screen.findByRole('region', { name: /Protocollo informatico/ })
    const refused = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'))
    await user.click(within(box).getByRole('button', { name: 'Copia il segreto' }))
    expect(within(box).getByRole('status')).toHaveTextContent(/copialo con Ctrl\+C/)
    expect(window.getSelection()?.toString()).toBe(SECRET)
    refused.mockRestore()
  })

  it('shows the latest deliveries: event, when, outcome, attempts, the receiver’s last answer', async () => {
    signIn(adminClaims)
    backEnd()
    const { user, table } = await renderPage()
    const button = within(table).getByRole('button', { name: /^Consegne Controlli/ })
    await user.click(button)
    const panel = screen.getByRole('region', {
      name: "Consegne del webhook dell'applicazione «Controlli autocertificazioni»",
    })
    expect(within(panel).getByRole('heading')).toHaveFocus()
    expect(panel).toHaveTextContent(
      "Le ultime 50 notifiche per l'indirizzo https://verifiche.esempio.gov.it/portale/webhook, dalla più recente.",
    )
    const list = await within(panel).findByRole('table', { name: '3 consegne' })
    const rows = within(list).getAllByRole('row').slice(1).map(cells)
    expect(rows[0]).toEqual([
      'Revoca di un certificatoev-cc33',
      expect.stringMatching(/^2 dic 2026/),
      expect.stringMatching(/^In attesaprossimo tentativo il 2 dic 2026/),
      '1',
      'HTTP 503Servizio temporaneamente non disponibile',
    ])
    expect(rows[1]?.[2]).toBe('Non riuscita')
    expect(rows[1]?.[3]).toBe('12')
    expect(rows[1]?.[4]).toBe('Nessuna rispostaconnessione rifiutata o indirizzo non raggiungibile')
    expect(rows[2]?.[2]).toMatch(/^Consegnatail 30 nov 2026/)
    expect(rows[2]?.[4]).toBe('HTTP 200')

    await user.click(within(panel).getByRole('button', { name: 'Chiudi le consegne' }))
    expect(screen.queryByRole('region', { name: /Consegne del webhook/ })).toBeNull()
    await waitFor(() => expect(button).toHaveFocus())
  })

  it('sends the failed deliveries again after a confirmation, which can be cancelled', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user, table } = await renderPage()
    const retry = within(table).getByRole('button', { name: /^Rinvia consegne non riuscite/ })
    await user.click(retry)
    const question = screen.getByRole('group', {
      name: "Vuoi rinviare le consegne non riuscite del webhook dell'applicazione «Controlli autocertificazioni»?",
    })
    expect(within(question).getByText(/Vuoi rinviare/)).toHaveFocus()
    expect(question).toHaveTextContent(/Le 2 consegne non riuscite saranno inviate di nuovo/)
    await user.click(within(question).getByRole('button', { name: 'No, annulla' }))
    expect(screen.queryByRole('group', { name: /Vuoi rinviare/ })).toBeNull()
    await waitFor(() => expect(retry).toHaveFocus())
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.click(retry)
    await user.click(screen.getByRole('button', { name: 'Sì, rinvia le consegne' }))
    const outcome = await screen.findByText(
      '2 consegne non riuscite sono di nuovo in coda: il portale le invierà entro pochi secondi.',
    )
    expect(outcome.closest('[role="status"]')).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/v1/admin/webhooks/${certificatesHook.id}/retry`,
    ])
    // Read again: nothing failed any more, so nothing to send again.
    const row = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    await waitFor(() => expect(cells(row)[4]).toMatch(/3 in attesa di invio$/))
    expect(within(row).queryByRole('button', { name: /^Rinvia/ })).toBeNull()
  })

  it('disables a webhook after a confirmation: it stays listed, disabled, with its deliveries only', async () => {
    signIn(adminClaims)
    backEnd()
    const { user, table } = await renderPage()
    await user.click(within(table).getByRole('button', { name: /^Disattiva Controlli/ }))
    const question = screen.getByRole('group', {
      name: "Vuoi disattivare il webhook dell'applicazione «Controlli autocertificazioni» all'indirizzo https://verifiche.esempio.gov.it/portale/webhook?",
    })
    expect(question).toHaveTextContent(/La disattivazione non si può annullare/)
    await user.click(within(question).getByRole('button', { name: 'Sì, disattiva il webhook' }))

    const outcome = await screen.findByText(
      "Il webhook dell'applicazione «Controlli autocertificazioni» all'indirizzo https://verifiche.esempio.gov.it/portale/webhook è stato disattivato: non riceverà altre notifiche.",
    )
    expect(outcome.closest('[role="status"]')).toHaveFocus()
    const row = within(table).getByRole('row', { name: /Controlli autocertificazioni/ })
    await waitFor(() => expect(cells(row)[3]).toMatch(/^Disattivato/))
    expect(
      within(row)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([`Consegne Controlli autocertificazioni ${certificatesHook.url}`])
    // What was waiting will not be sent: said so, in the list and in the deliveries.
    expect(cells(row)[4]).toMatch(/1 non inviata: il webhook è disattivato2 non riuscite$/)
    await user.click(within(row).getByRole('button', { name: /^Consegne/ }))
    const list = await screen.findByRole('table', { name: '3 consegne' })
    expect(cells(within(list).getAllByRole('row')[1] as HTMLElement)[2]).toBe(
      'Non inviatail webhook è disattivato',
    )
  })

  it('explains a refused action and keeps the page usable', async () => {
    signIn(adminClaims)
    backEnd({
      [DISABLE]: () =>
        problem(409, {
          title: 'Conflitto',
          detail:
            'Il webhook è disattivato: per riprendere le consegne occorre registrarlo di nuovo.',
          code: 'webhook_disabled',
          request_id: 'req-42',
        }),
    })
    const { user, table } = await renderPage()
    const disable = within(table).getByRole('button', { name: /^Disattiva Controlli/ })
    await user.click(disable)
    await user.click(screen.getByRole('button', { name: 'Sì, disattiva il webhook' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile disattivare il webhook.')
    expect(alert).toHaveTextContent('Il webhook è disattivato: per riprendere le consegne')
    expect(alert).toHaveTextContent('req-42')
    expect(screen.queryByRole('group', { name: /Vuoi disattivare/ })).toBeNull()
    await waitFor(() => expect(disable).toHaveFocus())
    // The way on: another action is there, and clears the message.
    await user.click(within(table).getByRole('button', { name: /^Consegne Controlli/ }))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says when no webhook is registered, and why the lists could not be loaded', async () => {
    signIn(adminClaims)
    mockApi({ [LIST]: () => json({ items: [] }), [APPLICATIONS]: () => json({ items: [] }) })
    const user = userEvent.setup()
    const { unmount } = renderWithProviders(<WebhooksPage />)
    expect(await screen.findByText('Nessun webhook registrato.')).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    // No application to choose: the form says where to register one.
    await user.click(screen.getByRole('button', { name: 'Registra un webhook' }))
    const link = await screen.findByRole('link', { name: 'Applicazioni' })
    expect(link).toHaveAttribute('href', '/backoffice/applicazioni')
    unmount()

    mockApi({
      [LIST]: () => problem(403, { detail: 'Permesso mancante: clients.manage.' }),
      [APPLICATIONS]: () => problem(503, { detail: 'Servizio non disponibile.' }),
    })
    renderWithProviders(<WebhooksPage />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Non è stato possibile caricare l'elenco dei webhook.")
    expect(alert).toHaveTextContent('Permesso mancante: clients.manage.')
    await user.click(screen.getByRole('button', { name: 'Registra un webhook' }))
    const form = screen.getByRole('region', { name: 'Registra un webhook' })
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      /Non è stato possibile caricare l'elenco delle applicazioni\.Servizio non disponibile\./,
    )
  })

  it('names the application by its client_id when the applications cannot be read', async () => {
    signIn(adminClaims)
    backEnd({ [APPLICATIONS]: () => problem(503, { detail: 'Servizio non disponibile.' }) })
    renderWithProviders(<WebhooksPage />)
    const table = await screen.findByRole('table', { name: '2 webhook registrati' })
    const row = within(table).getAllByRole('row')[1] as HTMLElement
    expect(cells(row)[0]).toBe(checksApp.client_id)
  })

  it('speaks English too', async () => {
    await setLanguage('en')
    signIn(adminClaims)
    backEnd()
    renderWithProviders(<WebhooksPage />)
    const table = await screen.findByRole('table', { name: '2 registered webhooks' })
    const row = await within(table).findByRole('row', { name: /Controlli autocertificazioni/ })
    expect(row).toHaveTextContent('Certificate issued')
    expect(row).toHaveTextContent('1 waiting to be sent')
    expect(
      within(row).getByRole('button', { name: /^Resend failed deliveries/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeInTheDocument()
  })
})
