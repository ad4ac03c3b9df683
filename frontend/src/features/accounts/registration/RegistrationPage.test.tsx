import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { RegistrationPage } from './pages/RegistrationPage'
import { leadingZeroBits, solveChallenge } from './proofOfWork'

const CHALLENGE = 'GET /api/v1/registrations/challenge'
const REGISTER = 'POST /api/v1/registrations'
const PLACES = 'GET /api/v1/places'

const roma = {
  code: 'H501',
  name: 'Roma',
  province: 'RM',
  kind: 'comune',
  valid_from: '1884-09-11',
  valid_to: null,
}
const germania = { code: 'Z112', name: 'Germania', province: null, kind: 'state' }

function backend(
  register = () =>
    json(
      { id: 'acc-1', status: 'pending_identification', next_steps: 'Registrazione ricevuta.' },
      201,
    ),
) {
  return mockApi({
    // A low difficulty keeps the test fast; the browser does 16 bits.
    [CHALLENGE]: () => json({ challenge: 'c.1.sig', difficulty: 4, expires_in: 600 }),
    [PLACES]: (req) => {
      const q = new URL(req.url).searchParams.get('q')?.toLowerCase() ?? ''
      return json({ places: [roma, germania].filter((p) => p.name.toLowerCase().startsWith(q)) })
    },
    [REGISTER]: register,
  })
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /^Cognome/ }), 'Rossi')
  await user.type(screen.getByRole('textbox', { name: /^Nome/ }), 'Mario')
  await user.click(screen.getByRole('radio', { name: 'Maschile' }))
  await user.type(screen.getByLabelText(/^Data di nascita/), '1985-12-10')
  await user.click(screen.getByRole('radio', { name: 'In Italia' }))
  await user.type(screen.getByRole('searchbox', { name: /Comune di nascita/ }), 'rom')
  await user.click(await screen.findByRole('button', { name: 'Roma (RM)' }))
  await user.type(screen.getByRole('textbox', { name: /^Codice fiscale/ }), 'rssmra85t10h501o')
  await user.type(screen.getByRole('textbox', { name: /^Indirizzo e-mail/ }), 'mario@example.org')
}

describe('proof of work', () => {
  it('counts leading zero bits and finds a nonce that has enough', async () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x1f, 0xff]))).toBe(19)
    expect(leadingZeroBits(new Uint8Array([0x80]))).toBe(0)
    const nonce = await solveChallenge('abc.123', 8)
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`abc.123:${nonce}`))
    expect(leadingZeroBits(new Uint8Array(hash))).toBeGreaterThanOrEqual(8)
  })
})

describe('registration (seed 001)', () => {
  it('sends the form with the solved anti-bot check and explains the next steps', async () => {
    const { requests } = backend()
    const user = userEvent.setup()
    renderWithProviders(<RegistrationPage />, '/registrazione')
    expect(await screen.findByText('Verifica completata.')).toBeInTheDocument()
    await fillRequired(user)
    expect(screen.getByText('H501')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Invia la registrazione' }))

    const done = await screen.findByRole('heading', { name: 'Registrazione ricevuta' })
    await waitFor(() => expect(done).toHaveFocus())
    expect(
      screen.getByText(/Controlla la posta elettronica all'indirizzo mario@example.org/),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Orari e recapiti dello Sportello' })).toHaveAttribute(
      'href',
      '/contatti',
    )

    const body = requests.find((r) => r.path === '/api/v1/registrations')?.body as Record<
      string,
      unknown
    >
    expect(body).toMatchObject({
      surname: 'Rossi',
      name: 'Mario',
      sex: 'M',
      birth_date: '1985-12-10',
      birth_country: 'IT',
      birth_place_code: 'H501',
      fiscal_code: 'RSSMRA85T10H501O',
      email: 'mario@example.org',
      pec: null,
      residence: null,
      proof_of_work: { challenge: 'c.1.sig' },
    })
    const { nonce } = body.proof_of_work as { nonce: string }
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`c.1.sig:${nonce}`))
    expect(leadingZeroBits(new Uint8Array(hash))).toBeGreaterThanOrEqual(4)
  })

  it('asks for the required fields before sending anything', async () => {
    const { requests } = backend()
    const user = userEvent.setup()
    renderWithProviders(<RegistrationPage />, '/registrazione')
    await user.click(screen.getByRole('button', { name: 'Invia la registrazione' }))
    const surname = screen.getByRole('textbox', { name: /^Cognome/ })
    expect(surname).toHaveAttribute('aria-invalid', 'true')
    expect(surname).toHaveFocus()
    expect(screen.getByRole('radio', { name: 'Maschile' })).toHaveAccessibleDescription(
      'Indica il sesso.',
    )
    expect(screen.getByRole('radio', { name: 'In Italia' })).toHaveAccessibleDescription(
      "Indica se sei nato in Italia o all'estero.",
    )
    expect(screen.getByRole('textbox', { name: /^Indirizzo e-mail/ })).toHaveAccessibleDescription(
      /Inserisci l'indirizzo di posta elettronica/,
    )
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it('finds a foreign state of birth by name and sends its code as the country', async () => {
    const { requests } = backend()
    const user = userEvent.setup()
    renderWithProviders(<RegistrationPage />, '/registrazione')
    await user.click(screen.getByRole('radio', { name: "All'estero" }))
    const search = screen.getByRole('searchbox', { name: /Stato di nascita/ })
    await user.type(search, 'ger')
    const results = await screen.findByRole('list', { name: /Risultati per Stato di nascita/ })
    // Municipalities are not offered as states.
    expect(
      within(results)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Germania'])
    expect(screen.getByText("Un risultato: sceglilo dall'elenco che segue.")).toBeInTheDocument()
    await user.click(within(results).getByRole('button', { name: 'Germania' }))
    const change = screen.getByRole('button', { name: 'Cambia' })
    expect(change).toHaveFocus()
    expect(change).toHaveAccessibleDescription(/Stato di nascita.*Germania/)
    await user.click(change)
    expect(screen.getByRole('searchbox', { name: /Stato di nascita/ })).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it("puts the server's field errors on their fields, and explains an existing account", async () => {
    let call = 0
    backend(() =>
      ++call === 1
        ? problem(422, {
            code: 'validation_failed',
            errors: [
              {
                field: 'fiscal_code',
                message:
                  'Il codice fiscale non corrisponde a cognome, nome, sesso, data e luogo di nascita indicati.',
              },
            ],
          })
        : problem(409, {
            code: 'account_exists',
            detail: 'Esiste già un account per questo codice fiscale.',
            request_id: 'req-409',
          }),
    )
    const user = userEvent.setup()
    renderWithProviders(<RegistrationPage />, '/registrazione')
    await fillRequired(user)
    await user.click(screen.getByRole('button', { name: 'Invia la registrazione' }))
    const code = screen.getByRole('textbox', { name: /^Codice fiscale/ })
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'))
    expect(code).toHaveAccessibleDescription(/non corrisponde a cognome, nome/)
    expect(code).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Invia la registrazione' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Esiste già un account per questo codice fiscale.')
    expect(alert).toHaveTextContent('req-409')
    expect(within(alert).getByRole('link', { name: 'Recupera la password' })).toHaveAttribute(
      'href',
      '/recupera-password',
    )
  })

  it('says so, with no form, when the municipality has switched registration off', async () => {
    mockApi({
      [CHALLENGE]: () =>
        problem(403, {
          code: 'registration_closed',
          detail:
            'In questo Comune non è più possibile registrarsi al portale con codice fiscale e password.',
        }),
    })
    renderWithProviders(<RegistrationPage />, '/registrazione')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('La registrazione al portale non è disponibile.')
    expect(alert).toHaveTextContent('non è più possibile registrarsi')
    expect(
      within(alert).getByRole('link', { name: 'Come accedere ai servizi online' }),
    ).toHaveAttribute('href', '/come-accedere')
    expect(screen.queryByRole('textbox', { name: /^Cognome/ })).toBeNull()
  })
})
