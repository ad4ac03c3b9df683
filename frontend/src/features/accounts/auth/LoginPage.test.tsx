import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { session } from '@/lib/session'
import { providers } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { issued, operatorClaims } from '@/test/session'
import { LoginPage } from './pages/LoginPage'

const LOGIN = 'POST /api/v1/auth/login'

function renderLogin(path = '/accedi') {
  void session.restore() // no session cookie in this browser: anonymous at once
  return renderWithProviders(
    <Routes>
      <Route path="/accedi" element={<LoginPage landing={() => '/benvenuto'} />} />
      <Route path="/benvenuto" element={<h1>Pagina iniziale</h1>} />
      <Route path="/cambio-password" element={<h1>Cambio password</h1>} />
    </Routes>,
    path,
  )
}

async function fillAndSubmit(identifier: string, password: string) {
  const user = userEvent.setup()
  await user.type(await screen.findByRole('textbox', { name: /Identificativo utente/ }), identifier)
  await user.type(screen.getByLabelText(/^Password/), password)
  await user.click(screen.getByRole('button', { name: 'Accedi' }))
  return user
}

describe('login page', () => {
  it("shows the caller's IP address and says that accesses are logged", async () => {
    mockApi()
    renderLogin()
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accedi ai servizi online' }),
    ).toBeInTheDocument()
    expect(await screen.findByText('Il tuo indirizzo IP è 192.0.2.10.')).toBeInTheDocument()
    expect(screen.getByText(/Gli accessi al portale sono registrati/)).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'Come ottenere le credenziali e come accedere' }),
    ).toHaveAttribute('href', '/come-accedere')
    expect(screen.getByRole('link', { name: 'Registrati al portale' })).toHaveAttribute(
      'href',
      '/registrazione',
    )
    expect(screen.getByRole('link', { name: 'Recupera la password' })).toHaveAttribute(
      'href',
      '/recupera-password',
    )
  })

  it('offers no registration where the municipality has switched it off', async () => {
    mockApi({
      'GET /api/v1/auth/providers': () => json({ ...providers, password_registration: false }),
    })
    renderLogin()
    await screen.findByText('Il tuo indirizzo IP è 192.0.2.10.')
    expect(screen.queryByRole('link', { name: 'Registrati al portale' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Recupera la password' })).toBeInTheDocument()
  })

  it('asks for the missing fields without calling the server, errors tied to the fields', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi()
    renderLogin()
    await user.click(await screen.findByRole('button', { name: 'Accedi' }))
    const code = screen.getByRole('textbox', { name: /Identificativo utente/ })
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(code).toHaveAccessibleDescription(/Inserisci l'identificativo utente/)
    expect(code).toHaveFocus()
    const password = screen.getByLabelText(/^Password/)
    expect(password).toHaveAccessibleDescription('Inserisci la password.')
    expect(requests.filter((r) => r.path === '/api/v1/auth/login')).toHaveLength(0)
  })

  it('sends the user id as typed (the server tells a codice fiscale from a user name) and shows the refusal with its request id', async () => {
    const { requests } = mockApi({
      [LOGIN]: () =>
        problem(401, {
          title: 'Autenticazione richiesta',
          detail: 'Credenziali non valide: controllare codice fiscale (o nome utente) e password.',
          code: 'invalid_credentials',
          request_id: 'req-401',
        }),
    })
    renderLogin()
    await fillAndSubmit(' rssmra 85t10 h501o ', 'Sbagliata1')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Accesso non riuscito')
    expect(alert).toHaveTextContent('Credenziali non valide')
    expect(alert).toHaveTextContent('req-401')
    expect(requests.find((r) => r.path === '/api/v1/auth/login')?.body).toEqual({
      user_id: 'rssmra 85t10 h501o',
      password: 'Sbagliata1',
    })
    expect(session.getSnapshot().status).not.toBe('authenticated')
  })

  it('explains what to do when the account awaits identification at the counter', async () => {
    mockApi({
      [LOGIN]: () =>
        problem(403, {
          title: 'Operazione non consentita',
          detail:
            "L'account è in attesa di identificazione: presentarsi allo Sportello Unico con un documento d'identità valido.",
          code: 'account_pending_identification',
          request_id: 'req-403',
        }),
    })
    renderLogin()
    await fillAndSubmit('RSSMRA85T10H501O', 'Valdoria26')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveClass('alert-warning')
    expect(alert).toHaveTextContent('Account in attesa di identificazione')
    expect(alert).toHaveTextContent(/presentarsi allo Sportello Unico/)
    expect(alert).toHaveTextContent(/documento d'identità in corso di validità/)
    expect(
      within(alert).getByRole('link', { name: 'Orari di apertura e recapiti dello Sportello' }),
    ).toHaveAttribute('href', '/contatti')
  })

  it('says when too many attempts suspended the login', async () => {
    mockApi({
      [LOGIN]: () =>
        problem(429, {
          detail: 'Troppi tentativi: riprovare tra 5 minuti.',
          code: 'too_many_requests',
        }),
    })
    renderLogin()
    await fillAndSubmit('RSSMRA85T10H501O', 'Valdoria26')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Troppi tentativi di accesso')
    expect(alert).toHaveTextContent('riprovare tra 5 minuti')
  })

  it("puts the server's field errors on the fields", async () => {
    mockApi({
      [LOGIN]: () =>
        problem(422, {
          detail: 'Controllare i campi: user_id.',
          code: 'validation_failed',
          errors: [{ field: 'user_id', message: 'Indicare il codice fiscale.' }],
        }),
    })
    renderLogin()
    await fillAndSubmit('X', 'Valdoria26')
    const code = screen.getByRole('textbox', { name: /Identificativo utente/ })
    expect(await screen.findByText('Indicare il codice fiscale.')).toBeInTheDocument()
    expect(code).toHaveAttribute('aria-invalid', 'true')
    expect(code).toHaveAccessibleDescription(/Indicare il codice fiscale/)
  })

  it('logs staff in with the user name in the same form, and sends a forced change to /cambio-password', async () => {
    const { requests } = mockApi({
      [LOGIN]: () => json(issued({ ...operatorClaims, mcp: true })),
    })
    // The old staff address shows the one form.
    renderLogin('/accedi?tipo=operatore')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accedi ai servizi online' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Accesso operatori' })).toBeNull()
    await fillAndSubmit(' operatore ', 'QwG4Uhv8QFb2')

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cambio password' }),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/v1/auth/login')?.body).toEqual({
      user_id: 'operatore',
      password: 'QwG4Uhv8QFb2',
    })
    expect(session.getSnapshot().user).toMatchObject({
      role: 'operator',
      mustChangePassword: true,
    })
  })

  it('goes to the landing page after a login, keeping the token out of storage', async () => {
    const answer = issued()
    mockApi({ [LOGIN]: () => json(answer) })
    renderLogin()
    await fillAndSubmit('RSSMRA85T10H501O', 'Valdoria26')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pagina iniziale' }),
    ).toBeInTheDocument()
    expect(session.accessToken()).toBe(answer.access_token)
    const stored = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '')
    expect(
      stored.some((v) => v.includes(answer.access_token) || v.includes(answer.refresh_token)),
    ).toBe(false)
  })
})
