import { screen, waitFor, within } from '@testing-library/react'
import { useEffect } from 'react'
import { type Location, Route, Routes, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { setLanguage } from '@/i18n'
import { session } from '@/lib/session'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { issued, noRefreshCookie, operatorClaims, restoringSession } from '@/test/session'
import { LoginResultPage } from './pages/LoginResultPage'

const REDEEM = 'POST /api/v1/auth/oidc/session'

/** The router's current location, as the page leaves it. */
const probe: { location: Location | null } = { location: null }

function LocationProbe() {
  const location = useLocation()
  useEffect(() => {
    probe.location = location
  }, [location])
  return null
}

function renderResult(path: string, { restore = true } = {}) {
  probe.location = null
  if (restore) void session.restore() // no session cookie in this browser: anonymous at once
  return renderWithProviders(
    <>
      <LocationProbe />
      <Routes>
        <Route
          path="/accedi/esito"
          element={
            <LoginResultPage landing={(user) => (user.role === 'citizen' ? '/' : '/backoffice')} />
          }
        />
        <Route path="/" element={<h1>Pagina iniziale</h1>} />
        <Route path="/accedi" element={<h1>Accedi ai servizi online</h1>} />
        <Route path="/certificati" element={<h1>I miei certificati</h1>} />
        <Route path="/backoffice" element={<h1>Back office</h1>} />
        <Route path="/cambio-password" element={<h1>Cambio password</h1>} />
      </Routes>
    </>,
    path,
  )
}

describe('result of a SPID/CIE login', () => {
  it('turns the ticket into a session like the password login, without the ticket in the address, and goes on to ritorno', async () => {
    const answer = issued()
    let addressWhileRedeeming: string | undefined
    const { requests } = mockApi({
      [REDEEM]: () => {
        addressWhileRedeeming = `${probe.location?.pathname}${probe.location?.search}${probe.location?.hash}`
        return json(answer)
      },
    })
    renderResult('/accedi/esito#ticket=t-123&ritorno=%2Fcertificati')

    expect(
      await screen.findByRole('heading', { level: 1, name: 'I miei certificati' }),
    ).toBeInTheDocument()
    const redemptions = requests.filter((r) => r.path === '/api/v1/auth/oidc/session')
    expect(redemptions).toHaveLength(1)
    expect(redemptions[0]).toMatchObject({ method: 'POST', body: { ticket: 't-123' } })
    // The ticket had left the address (history.replaceState) before it was presented.
    expect(addressWhileRedeeming).toBe('/accedi/esito')
    expect(probe.location?.hash).toBe('')
    // The same session as after a password login: the token in memory only.
    expect(session.getSnapshot()).toMatchObject({ status: 'authenticated' })
    expect(session.getSnapshot().user).toMatchObject({ role: 'citizen', mustChangePassword: false })
    expect(session.accessToken()).toBe(answer.access_token)
    const stored = Object.keys(localStorage).map((k) => localStorage.getItem(k) ?? '')
    expect(stored.some((v) => v.includes(answer.access_token))).toBe(false)
    expect(localStorage.getItem('portale.session')).toBe('1')
  })

  it('says that the login is being completed meanwhile', async () => {
    mockApi({ [REDEEM]: () => new Promise<Response>(() => undefined) })
    renderResult('/accedi/esito#ticket=t-slow&ritorno=%2F')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso in corso' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent("Completamento dell'accesso in corso…")
  })

  it('follows only paths of the portal: anything else leads to the usual landing page', async () => {
    mockApi({ [REDEEM]: () => json(issued(operatorClaims)) })
    renderResult('/accedi/esito#ticket=t-1&ritorno=%2F%2Fevil.example%2Fx')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Back office' }),
    ).toBeInTheDocument()
  })

  it('waits for the session of an earlier visit before presenting the ticket', async () => {
    const answer = issued()
    let refreshed = false
    let redeemedAfterRefresh = false
    mockApi({
      ...restoringSession(),
      // The cookie of an earlier visit has expired meanwhile.
      'POST /api/v1/auth/refresh': () => {
        refreshed = true
        return noRefreshCookie()
      },
      [REDEEM]: () => {
        redeemedAfterRefresh = refreshed
        return json(answer)
      },
    })
    renderResult('/accedi/esito#ticket=t-9&ritorno=%2Fcertificati', { restore: false })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'I miei certificati' }),
    ).toBeInTheDocument()
    expect(redeemedAfterRefresh).toBe(true)
    expect(session.accessToken()).toBe(answer.access_token)
  })

  it('explains a ticket used or expired, with the way back', async () => {
    mockApi({
      [REDEEM]: () =>
        problem(401, {
          title: 'Autenticazione richiesta',
          detail:
            "L'accesso con SPID o CIE non è più valido (già usato o scaduto): ripetere l'accesso.",
          code: 'login_ticket_invalid',
          request_id: 'req-ticket',
        }),
    })
    renderResult('/accedi/esito#ticket=t-old&ritorno=%2Fcertificati')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non riuscito' }),
    ).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Accesso non completato')
    expect(alert).toHaveTextContent('non è più valido (già usato o scaduto)')
    expect(alert).toHaveTextContent('req-ticket')
    expect(screen.getByRole('link', { name: "Torna all'accesso" })).toHaveAttribute(
      'href',
      '/accedi',
    )
    expect(session.getSnapshot().status).toBe('anonymous')
    expect(probe.location?.hash).toBe('')
  })

  it('explains a locked account as the password login does', async () => {
    mockApi({
      [REDEEM]: () =>
        problem(403, {
          detail: "L'account è bloccato. Rivolgersi all'Ufficio Servizi Demografici.",
          code: 'account_locked',
        }),
    })
    renderResult('/accedi/esito#ticket=t-2&ritorno=%2F')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Account bloccato')
    expect(alert).toHaveTextContent("Rivolgersi all'Ufficio Servizi Demografici")
    expect(
      within(alert).getByRole('link', {
        name: "Recapiti e orari dell'Ufficio Servizi Demografici",
      }),
    ).toHaveAttribute('href', '/contatti')
  })

  it('explains an insufficient SPID/CIE level, with the way back', async () => {
    const { requests } = mockApi()
    renderResult('/accedi/esito?errore=level_insufficient')
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Livello di sicurezza non sufficiente',
      }),
    ).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('SPID di livello 2 o superiore')
    expect(alert).toHaveTextContent('CIE con livello di sicurezza 2 o superiore')
    expect(alert).toHaveTextContent('level_insufficient')
    expect(screen.getByRole('link', { name: "Torna all'accesso" })).toHaveAttribute(
      'href',
      '/accedi',
    )
    expect(screen.getByRole('link', { name: 'Torna alla pagina iniziale' })).toHaveAttribute(
      'href',
      '/',
    )
    expect(requests.some((r) => r.path === '/api/v1/auth/oidc/session')).toBe(false)
  })

  it.each([
    ['login_cancelled', 'Accesso annullato', 'Hai annullato'],
    ['login_expired', 'Richiesta di accesso scaduta', 'ha richiesto troppo tempo'],
    ['provider_untrusted', "Gestore dell'identità non riconosciuto", 'segnalato all'],
    ['provider_unreachable', "Gestore dell'identità non raggiungibile", 'Riprova più tardi'],
    ['id_token_audience', 'Risposta del gestore non verificabile', 'alcuna operazione'],
    ['userinfo_invalid', 'Risposta del gestore non verificabile', 'alcuna operazione'],
    ['fiscal_number_missing', 'Codice fiscale non ricevuto', 'codice fiscale valido'],
    ['account_rejected', 'Registrazione non accolta', 'Ufficio Servizi Demografici'],
    ['unknown_provider', "Gestore dell'identità non disponibile", 'gestori proposti'],
    ['internal_error', 'Accesso non completato', 'errore imprevisto'],
  ])('explains %s', async (code, title, words) => {
    mockApi()
    renderResult(`/accedi/esito?errore=${code}`)
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(words)
    expect(screen.getByRole('link', { name: "Torna all'accesso" })).toBeInTheDocument()
  })

  it('gives a code it does not know the generic explanation', async () => {
    mockApi()
    renderResult('/accedi/esito?errore=something_new')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non riuscito' }),
    ).toBeInTheDocument()
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      "Non è stato possibile completare l'accesso con l'identità digitale.",
    )
    expect(alert).toHaveTextContent('something_new')
    expect(
      within(alert).getByRole('link', {
        name: "Recapiti e orari dell'Ufficio Servizi Demografici",
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: "Torna all'accesso" })).toBeInTheDocument()
  })

  it('shows no odd text from the address', async () => {
    mockApi()
    renderResult('/accedi/esito?errore=%3Cb%3Eciao%3C%2Fb%3E')
    const alert = await screen.findByRole('alert')
    expect(alert).not.toHaveTextContent('ciao')
  })

  it('says there is nothing to complete when reopened without ticket or error', async () => {
    mockApi()
    renderResult('/accedi/esito')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nessun accesso da completare' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: "Torna all'accesso" })).toBeInTheDocument()
  })

  it('speaks English too', async () => {
    await setLanguage('en') // the test setup sets Italian back before the next test
    mockApi()
    renderResult('/accedi/esito?errore=level_insufficient')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Security level not sufficient' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the login page' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toMatch(/^Security level not sufficient/))
  })
})
