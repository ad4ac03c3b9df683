import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useNavigate } from 'react-router'
import { describe, expect, it } from 'vitest'
import { session } from '@/lib/session'
import { citizenProfile, pendingAccount } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { issued, operatorClaims, restoringSession } from '@/test/session'
import { AppRoutes } from './routes'

const ME = 'GET /api/v1/me'

function banner() {
  return within(screen.getByRole('banner'))
}

async function openUserMenu(name: RegExp) {
  const user = userEvent.setup()
  const toggle = await banner().findByRole('button', { name })
  await user.click(toggle)
  expect(toggle).toHaveAttribute('aria-expanded', 'true')
  return { user, toggle }
}

describe('session in the application', () => {
  it('sends a visitor from a private page to the login, and back after it', async () => {
    const { requests } = mockApi({
      'POST /api/v1/auth/login': () => json(issued()),
      [ME]: () => json(citizenProfile),
    })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/profilo')

    expect(
      await screen.findByText('Per aprire la pagina richiesta occorre prima accedere.'),
    ).toBeInTheDocument()
    expect(banner().getByRole('link', { name: 'Accedi' })).toHaveAttribute('href', '/accedi')
    // No refresh cookie was ever issued here: the page load asked the server nothing.
    expect(requests.some((r) => r.path === '/api/v1/auth/refresh')).toBe(false)

    await user.type(
      screen.getByRole('textbox', { name: /Identificativo utente/ }),
      'RSSMRA85T10H501O',
    )
    await user.type(screen.getByLabelText(/^Password/), 'Valdoria26')
    await user.click(screen.getByRole('button', { name: 'Accedi' }))

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Modifica il tuo profilo' }),
    ).toBeInTheDocument()
    expect(await banner().findByRole('button', { name: /Rossi Mario/ })).toBeInTheDocument()
  })

  it('restores the session from the cookie on page load; the menu has no back office for citizens', async () => {
    mockApi({ ...restoringSession(), [ME]: () => json(citizenProfile) })
    renderWithProviders(<AppRoutes />, '/profilo')
    expect(await screen.findByText('RSSMRA85T10H501O')).toBeInTheDocument()

    await openUserMenu(/Rossi Mario/)
    const links = banner()
      .getAllByRole('link')
      .map((a) => a.textContent)
    expect(links).toEqual(expect.arrayContaining(['Il tuo profilo', 'Cambia password']))
    expect(links).not.toContain('Back office')
    expect(banner().getByRole('button', { name: 'Esci' })).toBeInTheDocument()
  })

  it('keeps the back office from users without the permission', async () => {
    mockApi(restoringSession())
    renderWithProviders(<AppRoutes />, '/backoffice')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
  })

  it('offers the back office to operators', async () => {
    mockApi({
      ...restoringSession(operatorClaims),
      'GET /api/v1/admin/accounts': () => json({ accounts: [pendingAccount] }),
    })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/')
    await openUserMenu(/operatore/)
    await user.click(banner().getByRole('link', { name: 'Back office' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Identificazione allo sportello' }),
    ).toBeInTheDocument()
    expect(await screen.findByRole('rowheader', { name: 'Bianchi Laura' })).toBeInTheDocument()
  })

  it('sends every page to the password change while it is due, except the information pages', async () => {
    mockApi({
      ...restoringSession({ ...operatorClaims, mcp: true }),
      'POST /api/v1/auth/password': () => json(issued(operatorClaims)),
      'GET /api/v1/admin/accounts': () => json({ accounts: [] }),
    })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scegli una nuova password' }),
    ).toBeInTheDocument()

    // The menu offers only the change and the exit meanwhile.
    await openUserMenu(/operatore/)
    expect(banner().queryByRole('link', { name: 'Il tuo profilo' })).toBeNull()
    expect(banner().queryByRole('link', { name: 'Back office' })).toBeNull()
    await user.click(
      within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Informativa privacy' }),
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: /Informativa sul trattamento/ }),
    ).toBeInTheDocument()
    await user.click(
      screen.getByRole('navigation', { name: 'Menu principale' }).querySelector('a[href="/"]')!,
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Scegli una nuova password' }),
    ).toBeInTheDocument()

    await user.type(screen.getByLabelText(/^Password attuale/), 'QwG4Uhv8QFb2')
    await user.type(screen.getByLabelText(/^Nuova password/), 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Salva la nuova password' }))
    // Back where the operator was last going (the home page), with the news.
    expect(
      await screen.findByRole('heading', { level: 1, name: "Servizi online dell'Anagrafe" }),
    ).toBeInTheDocument()
    expect(screen.getByText(/La nuova password è stata salvata/)).toBeInTheDocument()
  })

  it('after the forced change, goes on to the page that was asked for', async () => {
    mockApi({
      ...restoringSession({ ...operatorClaims, mcp: true }),
      'POST /api/v1/auth/password': () => json(issued(operatorClaims)),
      'GET /api/v1/admin/accounts': () => json({ accounts: [] }),
    })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice?stato=attivi')
    await user.type(await screen.findByLabelText(/^Password attuale/), 'QwG4Uhv8QFb2')
    await user.type(screen.getByLabelText(/^Nuova password/), 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Salva la nuova password' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Identificazione allo sportello' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Attivi' })).toHaveAttribute('aria-current', 'page')
  })

  it('logging in with a password to change, goes from the login to the change and then to the back office', async () => {
    mockApi({
      'POST /api/v1/auth/login': () => json(issued({ ...operatorClaims, mcp: true })),
      'POST /api/v1/auth/password': () => json(issued(operatorClaims)),
      'GET /api/v1/admin/accounts': () => json({ accounts: [] }),
    })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/accedi')
    await user.type(
      await screen.findByRole('textbox', { name: /Identificativo utente/ }),
      'operatore',
    )
    await user.type(screen.getByLabelText(/^Password/), 'QwG4Uhv8QFb2')
    await user.click(screen.getByRole('button', { name: 'Accedi' }))
    await user.type(await screen.findByLabelText(/^Password attuale/), 'QwG4Uhv8QFb2')
    await user.type(screen.getByLabelText(/^Nuova password/), 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Salva la nuova password' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Identificazione allo sportello' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/La nuova password è stata salvata/)).toBeInTheDocument()
  })

  it('logs out on the server and says so', async () => {
    const { requests } = mockApi({ ...restoringSession(), [ME]: () => json(citizenProfile) })
    renderWithProviders(<AppRoutes />, '/profilo')
    await screen.findByText('RSSMRA85T10H501O')
    const token = session.accessToken()
    const { user } = await openUserMenu(/Rossi Mario/)
    await user.click(banner().getByRole('button', { name: 'Esci' }))

    expect(await screen.findByText(/Sei uscito dal portale/)).toBeInTheDocument()
    expect(await banner().findByRole('link', { name: 'Accedi' })).toBeInTheDocument()
    const logout = requests.find((r) => r.path === '/api/v1/auth/logout')
    expect(logout?.authorization).toBe(`Bearer ${token}`)
    expect(session.accessToken()).toBeNull()
    expect(localStorage.getItem('portale.session')).toBeNull()
  })

  it('going back to a private page after the logout offers the login, not an empty page', async () => {
    mockApi({ ...restoringSession(), [ME]: () => json(citizenProfile) })
    function BrowserBack() {
      const navigate = useNavigate()
      return <button onClick={() => void navigate(-1)}>Indietro del browser</button>
    }
    renderWithProviders(
      <>
        <AppRoutes />
        <BrowserBack />
      </>,
      '/profilo',
    )
    await screen.findByText('RSSMRA85T10H501O')
    const { user } = await openUserMenu(/Rossi Mario/)
    await user.click(banner().getByRole('button', { name: 'Esci' }))
    await screen.findByText(/Sei uscito dal portale/)

    await user.click(screen.getByRole('button', { name: 'Indietro del browser' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sessione chiusa' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Accedi di nuovo' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accedi ai servizi online' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText('Per aprire la pagina richiesta occorre prima accedere.'),
    ).toBeInTheDocument()
  })

  it('renews an expired token once and repeats the refused call', async () => {
    const first = issued()
    const second = issued()
    let refreshes = 0
    localStorage.setItem('portale.session', '1')
    const { requests } = mockApi({
      'POST /api/v1/auth/refresh': () => json(++refreshes === 1 ? first : second),
      [ME]: (req) =>
        req.headers.get('authorization') === `Bearer ${second.access_token}`
          ? json(citizenProfile)
          : problem(401, { code: 'unauthorized', detail: 'La sessione non è valida.' }),
    })
    renderWithProviders(<AppRoutes />, '/profilo')
    expect(await screen.findByText('RSSMRA85T10H501O')).toBeInTheDocument()
    expect(refreshes).toBe(2)
    expect(requests.filter((r) => r.path === '/api/v1/me').map((r) => r.authorization)).toEqual([
      `Bearer ${first.access_token}`,
      `Bearer ${second.access_token}`,
    ])
  })

  it('goes to the login when the session cannot be renewed', async () => {
    let refreshes = 0
    localStorage.setItem('portale.session', '1')
    mockApi({
      'POST /api/v1/auth/refresh': () =>
        ++refreshes === 1
          ? json(issued())
          : problem(401, { code: 'invalid_refresh_token', detail: 'La sessione è terminata.' }),
      [ME]: () => problem(401, { code: 'unauthorized', detail: 'La sessione non è valida.' }),
    })
    renderWithProviders(<AppRoutes />, '/profilo')
    expect(
      await screen.findByText('La sessione è scaduta. Accedi di nuovo per continuare.'),
    ).toBeInTheDocument()
    await waitFor(() => expect(session.getSnapshot().status).toBe('anonymous'))
  })
})
