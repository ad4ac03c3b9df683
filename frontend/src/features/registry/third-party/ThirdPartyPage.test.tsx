import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { ThirdPartyPage } from './pages/ThirdPartyPage'
import { validateSearch } from './search'

const PERSONS = 'GET /api/v1/persons'

// What the look-up answers: nothing beyond what identifies the person. The test's backend
// adds an address, as a careless server might, to prove the page never shows it.
const verdiAnna = {
  person_id: 'per-0042',
  surname: 'VERDI',
  name: 'ANNA',
  sex: 'F',
  birth_date: '1990-04-15',
  birth_place: 'MANTOVA (MN)',
}

/** Where the wizard would be: shows what it received. */
function WizardProbe() {
  const location = useLocation()
  return (
    <>
      <p>wizard {location.search}</p>
      <pre data-testid="state">{JSON.stringify(location.state)}</pre>
    </>
  )
}

function renderPage() {
  signIn()
  return renderWithProviders(
    <Routes>
      <Route path="/certificazione-libera" element={<ThirdPartyPage />} />
      <Route path="/certificati/nuovo" element={<WizardProbe />} />
    </Routes>,
    '/certificazione-libera',
  )
}

function lookups(requests: ReturnType<typeof mockApi>['requests']) {
  return requests
    .filter((r) => r.path === '/api/v1/persons')
    .map((r) => Object.fromEntries(new URLSearchParams(r.query)))
}

describe('third-party certificates (seed 001 §7)', () => {
  it('warns that every request is recorded', () => {
    mockApi()
    renderPage()
    expect(
      screen.getByRole('heading', { level: 1, name: 'Certificazioni per terze persone' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(/Tutte le richieste sono registrate e i log di accesso vengono mantenuti/),
    ).toHaveTextContent(/^ATTENZIONE:.*Ogni abuso sarà punito a norma di legge\.$/)
  })

  it('searches by codice fiscale with the reason, and shows no more than identifies the person', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi({
      [PERSONS]: () => json({ items: [{ ...verdiAnna, address: 'VIA ROMA, 1 - MANTOVA' }] }),
    })
    renderPage()

    await user.type(screen.getByRole('textbox', { name: /Codice fiscale/ }), 'vrdnna90d55e897x')
    await user.type(
      screen.getByRole('textbox', { name: /Motivo della richiesta/ }),
      'Pratica di successione',
    )
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    const results = await screen.findByRole('region', { name: 'Esito della ricerca' })
    expect(within(results).getByRole('heading', { name: 'VERDI ANNA' })).toBeInTheDocument()
    expect(results).toHaveTextContent('15 aprile 1990')
    expect(results).toHaveTextContent('MANTOVA (MN)')
    expect(results).not.toHaveTextContent(/VIA ROMA/)
    expect(results).not.toHaveTextContent(/per-0042/)
    expect(lookups(requests)).toEqual([
      { fiscal_code: 'VRDNNA90D55E897X', reason: 'Pratica di successione' },
    ])
  })

  it('searches by surname, name and birth date, sending only those and the reason', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi({ [PERSONS]: () => json({ items: [verdiAnna] }) })
    renderPage()

    await user.click(screen.getByRole('radio', { name: 'Cognome, nome e data di nascita' }))
    expect(screen.queryByRole('textbox', { name: /Codice fiscale/ })).toBeNull()
    await user.type(screen.getByRole('textbox', { name: /Cognome/ }), ' Verdi ')
    await user.type(screen.getByRole('textbox', { name: /^Nome/ }), 'Anna')
    await user.type(screen.getByLabelText(/Data di nascita/), '1990-04-15')
    await user.type(screen.getByRole('textbox', { name: /Motivo della richiesta/ }), 'Contenzioso')
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    await screen.findByRole('region', { name: 'Esito della ricerca' })
    expect(lookups(requests)).toEqual([
      { surname: 'Verdi', name: 'Anna', birth_date: '1990-04-15', reason: 'Contenzioso' },
    ])
  })

  it('requires the reason before searching, and ties the error to the field', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi()
    renderPage()

    await user.type(screen.getByRole('textbox', { name: /Codice fiscale/ }), 'VRDNNA90D55E897X')
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    const reason = screen.getByRole('textbox', { name: /Motivo della richiesta/ })
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription(/Il motivo della richiesta è obbligatorio/)
    expect(reason).toHaveFocus()

    await user.type(reason, 'Eredità')
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))
    expect(reason).toHaveAccessibleDescription(/almeno 10 caratteri/)

    await user.clear(reason)
    await user.type(reason, 'aaaaaaaaaaaa')
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))
    expect(reason).toHaveAccessibleDescription(/a parole/)
    expect(lookups(requests)).toHaveLength(0)
  })

  it('requires surname, name and birth date when searching without the codice fiscale', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi()
    renderPage()

    await user.click(screen.getByRole('radio', { name: 'Cognome, nome e data di nascita' }))
    await user.type(screen.getByRole('textbox', { name: /Cognome/ }), 'Verdi')
    await user.type(screen.getByRole('textbox', { name: /Motivo della richiesta/ }), 'Contenzioso')
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    expect(screen.getByRole('textbox', { name: /^Nome/ })).toHaveAccessibleDescription(
      /Inserisci il nome della persona/,
    )
    expect(screen.getByLabelText(/Data di nascita/)).toHaveAccessibleDescription(
      /Inserisci la data di nascita della persona/,
    )
    expect(screen.getByRole('textbox', { name: /Cognome/ })).not.toHaveAttribute('aria-invalid')
    expect(lookups(requests)).toHaveLength(0)
  })

  it('opens the certificate request for the chosen person, carrying the reason', async () => {
    const user = userEvent.setup()
    mockApi({ [PERSONS]: () => json({ items: [verdiAnna] }) })
    renderPage()

    await user.type(screen.getByRole('textbox', { name: /Codice fiscale/ }), 'VRDNNA90D55E897X')
    await user.type(
      screen.getByRole('textbox', { name: /Motivo della richiesta/ }),
      'Pratica di successione',
    )
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))
    await user.click(await screen.findByRole('button', { name: 'Certificazioni per VERDI ANNA' }))

    expect(screen.getByText('wizard ?persona=per-0042')).toBeInTheDocument()
    expect(JSON.parse(screen.getByTestId('state').textContent ?? 'null')).toEqual({
      reason: 'Pratica di successione',
      surname: 'VERDI',
      name: 'ANNA',
      birth_date: '1990-04-15',
    })
  })

  it('says when nobody is found', async () => {
    const user = userEvent.setup()
    mockApi({ [PERSONS]: () => json({ items: [] }) })
    renderPage()

    await user.type(screen.getByRole('textbox', { name: /Codice fiscale/ }), 'VRDNNA90D55E897X')
    await user.type(
      screen.getByRole('textbox', { name: /Motivo della richiesta/ }),
      'Verifica eredi',
    )
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    expect(await screen.findByText(/^Nessuna persona trovata/)).toBeInTheDocument()
  })

  it('says when the hourly limit of look-ups is reached, and when to try again', async () => {
    const user = userEvent.setup()
    mockApi({
      [PERSONS]: () =>
        problem(429, {
          title: 'Troppe richieste',
          detail: 'Troppi tentativi: riprovare tra 12 minuti.',
          code: 'too_many_requests',
        }),
    })
    renderPage()

    await user.type(screen.getByRole('textbox', { name: /Codice fiscale/ }), 'VRDNNA90D55E897X')
    await user.type(
      screen.getByRole('textbox', { name: /Motivo della richiesta/ }),
      'Verifica eredi',
    )
    await user.click(screen.getByRole('button', { name: 'RICERCA' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveClass('alert-warning')
    expect(alert).toHaveTextContent('Hai raggiunto il numero massimo di ricerche')
    expect(alert).toHaveTextContent('riprovare tra 12 minuti')
  })
})

describe('third-party search rules', () => {
  const base = {
    mode: 'personal_data' as const,
    fiscalCode: 'IGNORED',
    surname: 'Verdi',
    name: 'Anna',
    birthDate: '1990-04-15',
    reason: 'Contenzioso',
  }

  it('refuses a birth date after today and an impossible date', () => {
    expect(validateSearch({ ...base, birthDate: '2026-11-21' }, '2026-11-20').errors).toEqual({
      birthDate: 'birthDateFuture',
    })
    expect(validateSearch({ ...base, birthDate: '1990-02-30' }, '2026-11-20').errors).toEqual({
      birthDate: 'birthDateInvalid',
    })
  })

  it('bounds the reason to 10 to 500 characters', () => {
    expect(validateSearch({ ...base, reason: 'ab'.repeat(250) }, '2026-11-20').query).toBeDefined()
    expect(
      validateSearch({ ...base, reason: 'ab'.repeat(250) + 'c' }, '2026-11-20').errors,
    ).toEqual({
      reason: 'reasonTooLong',
    })
    expect(validateSearch({ ...base, reason: 'Successio' }, '2026-11-20').errors).toEqual({
      reason: 'reasonTooShort',
    })
    expect(validateSearch({ ...base, reason: ' Società X1 ' }, '2026-11-20').query?.reason).toBe(
      'Società X1',
    )
  })

  it('wants the reason in words, as the server does', () => {
    for (const reason of [
      'aaaaaaaaaa',
      'A a a a a a',
      '1234567890',
      '!!!!!!!!!!!!',
      'x.x.x.x.x.x',
    ]) {
      expect(validateSearch({ ...base, reason }, '2026-11-20').errors, reason).toEqual({
        reason: 'reasonNotMeaningful',
      })
    }
  })

  it('refuses a codice fiscale that is not 16 letters and digits', () => {
    const form = { ...base, mode: 'fiscal_code' as const, fiscalCode: 'VRDNNA90D55' }
    expect(validateSearch(form, '2026-11-20').errors).toEqual({ fiscalCode: 'fiscalCodeInvalid' })
  })
})
