import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { setLanguage } from '@/i18n'
import { session } from '@/lib/session'
import { providers } from '@/test/fixtures'
import { json, mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { LoginPage } from './pages/LoginPage'

const SPID_BUTTON = 'Entra con SPID'
const CHOOSER = 'Scegli il tuo gestore di identità digitale SPID'

const poste = {
  id: 'poste',
  name: 'Poste Italiane',
  kind: 'spid',
  start_url: '/api/v1/auth/oidc/poste/start',
  logo: '/loghi/spid/spid-idp-posteid.svg',
}
const demoSpid = {
  id: 'demo-spid',
  name: 'SPID di prova',
  kind: 'spid',
  start_url: '/api/v1/auth/oidc/demo-spid/start',
  logo: null,
}
const cie = {
  id: 'cie',
  name: 'CIE id',
  kind: 'cie',
  start_url: '/api/v1/auth/oidc/cie/start',
  logo: null,
}

function withProviders(...extra: object[]) {
  return {
    'GET /api/v1/auth/providers': () =>
      json({ ...providers, providers: [...providers.providers, ...extra] }),
  }
}

function renderLogin(from?: string) {
  void session.restore() // no session cookie in this browser: anonymous at once
  return renderWithProviders(
    <Routes>
      <Route path="/accedi" element={<LoginPage landing={() => '/benvenuto'} />} />
    </Routes>,
    // A guarded page sends the visitor here with the path to come back to.
    from ? { pathname: '/accedi', state: { from } } : '/accedi',
  )
}

describe('login with SPID and CIE', () => {
  it('is not offered when the portal lists no SPID or CIE provider', async () => {
    mockApi()
    renderLogin()
    await screen.findByText('Il tuo indirizzo IP è 192.0.2.10.')
    expect(screen.queryByRole('button', { name: SPID_BUTTON })).toBeNull()
    expect(screen.queryByRole('link', { name: 'Entra con CIE' })).toBeNull()
    expect(
      screen.queryByRole('heading', { name: 'Accedi con la tua identità digitale' }),
    ).toBeNull()
  })

  it('shows the SPID button above the password form, and its chooser lists the providers', async () => {
    const user = userEvent.setup()
    mockApi(withProviders(poste, demoSpid))
    renderLogin()

    const section = (
      await screen.findByRole('heading', { level: 2, name: 'Accedi con la tua identità digitale' })
    ).closest('section') as HTMLElement
    const button = within(section).getByRole('button', { name: SPID_BUTTON })
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('menu')).toBeNull()
    // The password form is still there, after the digital identity.
    const form = screen.getByRole('form', { name: 'Accesso con credenziali' })
    expect(section.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()

    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const menu = screen.getByRole('menu', { name: CHOOSER })
    expect(button).toHaveAttribute('aria-controls', menu.id)

    // A provider with a logo shows it, named by its alt text; one without shows its name.
    const posteItem = within(menu).getByRole('menuitem', { name: 'Poste Italiane' })
    expect(posteItem).toHaveAttribute('href', '/api/v1/auth/oidc/poste/start?return_to=%2F')
    expect(within(posteItem).getByRole('img', { name: 'Poste Italiane' })).toHaveAttribute(
      'src',
      '/loghi/spid/spid-idp-posteid.svg',
    )
    const demoItem = within(menu).getByRole('menuitem', { name: 'SPID di prova' })
    expect(demoItem).toHaveAttribute('href', '/api/v1/auth/oidc/demo-spid/start?return_to=%2F')
    expect(demoItem).toHaveTextContent('SPID di prova')

    // The standard links of the SPID button.
    expect(within(menu).getByRole('menuitem', { name: 'Maggiori informazioni' })).toHaveAttribute(
      'href',
      'https://www.spid.gov.it',
    )
    expect(within(menu).getByRole('menuitem', { name: 'Non hai SPID?' })).toHaveAttribute(
      'href',
      'https://www.spid.gov.it/cos-e-spid/come-attivare-spid/',
    )
    expect(within(menu).getByRole('menuitem', { name: 'Serve aiuto?' })).toHaveAttribute(
      'href',
      'https://www.spid.gov.it/serve-aiuto',
    )
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(5)

    await user.click(button)
    expect(button).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('sends the person back to the page that asked for the login', async () => {
    const user = userEvent.setup()
    mockApi(withProviders(demoSpid, cie))
    renderLogin('/certificati/nuovo?tipo=residenza')
    await user.click(await screen.findByRole('button', { name: SPID_BUTTON }))
    expect(screen.getByRole('menuitem', { name: 'SPID di prova' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/demo-spid/start?return_to=%2Fcertificati%2Fnuovo%3Ftipo%3Dresidenza',
    )
    expect(screen.getByRole('link', { name: 'Entra con CIE' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oidc/cie/start?return_to=%2Fcertificati%2Fnuovo%3Ftipo%3Dresidenza',
    )
  })

  it('works with the keyboard: Enter opens on the first provider, arrows move, Escape closes', async () => {
    const user = userEvent.setup()
    mockApi(withProviders(poste, demoSpid))
    renderLogin()
    const button = await screen.findByRole('button', { name: SPID_BUTTON })
    button.focus()

    await user.keyboard('{Enter}')
    const items = within(screen.getByRole('menu', { name: CHOOSER })).getAllByRole('menuitem')
    expect(items[0]).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(items[1]).toHaveFocus()
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(items[items.length - 1]).toHaveFocus() // wraps round
    await user.keyboard('{Home}')
    expect(items[0]).toHaveFocus()
    await user.tab()
    expect(items[1]).toHaveFocus() // Tab moves through the menu too

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')

    // Space opens it as well; ↑ on the button opens it on the last item.
    await user.keyboard(' ')
    expect(screen.getByRole('menu')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    await user.keyboard('{ArrowUp}')
    const again = within(screen.getByRole('menu')).getAllByRole('menuitem')
    expect(again[again.length - 1]).toHaveFocus()
  })

  it('closes the chooser when the person clicks elsewhere', async () => {
    const user = userEvent.setup()
    mockApi(withProviders(poste))
    renderLogin()
    await user.click(await screen.findByRole('button', { name: SPID_BUTTON }))
    expect(screen.getByRole('menu')).toBeInTheDocument()
    await user.click(screen.getByRole('heading', { level: 1 }))
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('offers the CIE button with its mark, and names each provider when there are several', async () => {
    mockApi(withProviders(cie))
    const { unmount } = renderLogin()
    const link = await screen.findByRole('link', { name: 'Entra con CIE' })
    expect(link).toHaveAttribute('href', '/api/v1/auth/oidc/cie/start?return_to=%2F')
    expect(link.querySelector('img')?.getAttribute('src')).toMatch(/cie-card\.svg$/)
    // SPID is not listed here: no SPID button.
    expect(screen.queryByRole('button', { name: SPID_BUTTON })).toBeNull()
    unmount()

    mockApi(
      withProviders(cie, {
        ...cie,
        id: 'cie-2',
        name: 'CIE di prova',
        start_url: '/api/v1/auth/oidc/cie-2/start',
        logo: '/loghi/cie-prova.svg',
      }),
    )
    renderLogin()
    expect(await screen.findByRole('link', { name: 'Entra con CIE (CIE id)' })).toBeInTheDocument()
    const second = screen.getByRole('link', { name: 'Entra con CIE (CIE di prova)' })
    expect(second.querySelector('img')).toHaveAttribute('src', '/loghi/cie-prova.svg')
  })

  it('speaks English too', async () => {
    const user = userEvent.setup()
    await setLanguage('en') // the test setup sets Italian back before the next test
    mockApi(withProviders(poste, cie))
    renderLogin()
    expect(
      await screen.findByRole('heading', { name: 'Log in with your digital identity' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign in with CIE' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Sign in with SPID' }))
    const menu = screen.getByRole('menu', { name: 'Choose your SPID identity provider' })
    expect(within(menu).getByRole('menuitem', { name: "Don't have SPID?" })).toBeInTheDocument()
  })
})
