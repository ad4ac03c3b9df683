import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { setLanguage } from '@/i18n'
import { session } from '@/lib/session'
import { providers } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { issued } from '@/test/session'
import { LoginPage } from './pages/LoginPage'

const SMARTCARD = 'POST /api/v1/auth/smartcard'
const BUTTON = 'Accedi con Carta Nazionale dei Servizi (CNS/CRS)'

const withSmartCard = {
  'GET /api/v1/auth/providers': () =>
    json({
      ...providers,
      providers: [
        ...providers.providers,
        {
          id: 'smartcard',
          name: 'Carta Nazionale dei Servizi (CNS/CRS)',
          kind: 'smartcard',
          start_url: null,
        },
      ],
    }),
}

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

async function pressSmartCardButton() {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: BUTTON }))
}

describe('smart-card login', () => {
  it('is not offered when the portal does not list it', async () => {
    mockApi()
    renderLogin()
    expect(await screen.findByText('Il tuo indirizzo IP è 192.0.2.10.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: BUTTON })).not.toBeInTheDocument()
    expect(
      screen.queryByRole('heading', { name: 'Accesso con Carta Nazionale dei Servizi' }),
    ).not.toBeInTheDocument()
  })

  it('explains the card and signs in like the password login', async () => {
    const answer = issued()
    const { requests } = mockApi({ ...withSmartCard, [SMARTCARD]: () => json(answer) })
    renderLogin()
    const section = (
      await screen.findByRole('heading', { name: 'Accesso con Carta Nazionale dei Servizi' })
    ).closest('section')
    expect(section).not.toBeNull()
    const steps = within(section as HTMLElement).getAllByRole('listitem')
    expect(steps.map((step) => step.textContent)).toEqual([
      'Inserisci la carta nel lettore collegato al computer.',
      'Premi il pulsante qui sotto.',
      'Quando il browser lo richiede, scegli il certificato della carta e digita il PIN.',
    ])
    await pressSmartCardButton()

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pagina iniziale' }),
    ).toBeInTheDocument()
    const call = requests.find((r) => r.path === '/api/v1/auth/smartcard')
    expect(call).toMatchObject({ method: 'POST', body: undefined })
    expect(session.accessToken()).toBe(answer.access_token)
    expect(session.getSnapshot().user).toMatchObject({ mustChangePassword: false })
  })

  it('says what to do when the browser sent no card', async () => {
    mockApi({
      ...withSmartCard,
      [SMARTCARD]: () =>
        problem(401, {
          title: 'Autenticazione richiesta',
          detail:
            'Per accedere con la Carta Nazionale dei Servizi occorre inserire la carta nel lettore e scegliere il certificato di autenticazione quando il browser lo richiede.',
          code: 'smart_card_required',
          request_id: 'req-card',
        }),
    })
    renderLogin()
    await pressSmartCardButton()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveClass('alert-warning')
    expect(alert).toHaveTextContent('Carta non rilevata')
    expect(alert).toHaveTextContent(/inserire la carta nel lettore/)
    expect(alert).toHaveTextContent(/chiudi tutte le finestre del browser/)
    expect(alert).toHaveTextContent('req-card')
    expect(session.getSnapshot().status).not.toBe('authenticated')
  })

  it('points a card without an account to the registration', async () => {
    mockApi({
      ...withSmartCard,
      [SMARTCARD]: () =>
        problem(401, {
          detail:
            'Nessun utente del portale corrisponde al codice fiscale della carta: occorre prima registrarsi.',
          code: 'smart_card_not_registered',
        }),
    })
    renderLogin()
    await pressSmartCardButton()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Nessun utente associato alla carta')
    expect(within(alert).getByRole('link', { name: 'Registrati al portale' })).toHaveAttribute(
      'href',
      '/registrazione',
    )
  })

  it('explains an account awaiting identification as the password login does', async () => {
    mockApi({
      ...withSmartCard,
      [SMARTCARD]: () =>
        problem(403, {
          detail:
            "L'account è in attesa di identificazione: presentarsi allo Sportello Unico con un documento d'identità valido.",
          code: 'account_pending_identification',
        }),
    })
    renderLogin()
    await pressSmartCardButton()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Account in attesa di identificazione')
  })

  it('speaks English too', async () => {
    await setLanguage('en') // the test setup sets Italian back before the next test
    mockApi(withSmartCard)
    renderLogin()
    expect(
      await screen.findByRole('button', {
        name: 'Log in with the National Services Card (CNS/CRS)',
      }),
    ).toBeInTheDocument()
    expect(
      screen.getByRole('heading', { name: 'Log in with the National Services Card' }),
    ).toBeInTheDocument()
  })
})
