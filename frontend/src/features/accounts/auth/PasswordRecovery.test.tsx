import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { RecoverPasswordPage } from './pages/RecoverPasswordPage'
import { ResetPasswordPage } from './pages/ResetPasswordPage'

const REQUEST = 'POST /api/v1/auth/password-reset'
const CONFIRM = 'POST /api/v1/auth/password-reset/confirm'
const SENT =
  'Se i dati corrispondono a un account attivo, riceverà a breve un messaggio con il collegamento per scegliere una nuova password.'

describe('password recovery', () => {
  it("asks for a link with the codice fiscale and the account's e-mail", async () => {
    const { requests } = mockApi({ [REQUEST]: () => json({ message: SENT }, 202) })
    const user = userEvent.setup()
    renderWithProviders(<RecoverPasswordPage />, '/recupera-password')
    await user.type(
      screen.getByRole('textbox', { name: /Identificativo utente/ }),
      'rssmra85t10h501o',
    )
    await user.type(screen.getByRole('textbox', { name: /Indirizzo e-mail/ }), 'mario@example.org')
    await user.click(screen.getByRole('button', { name: 'Invia il collegamento' }))
    expect(await screen.findByText(SENT)).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/v1/auth/password-reset')?.body).toEqual({
      user_id: 'rssmra85t10h501o',
      email: 'mario@example.org',
    })
  })

  it('staff give their user name; missing and refused fields are marked', async () => {
    const { requests } = mockApi({
      [REQUEST]: () =>
        problem(422, {
          code: 'validation_failed',
          errors: [{ field: 'email', message: 'Indirizzo di posta elettronica non valido.' }],
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<RecoverPasswordPage />, '/recupera-password?tipo=operatore')
    await user.click(screen.getByRole('button', { name: 'Invia il collegamento' }))
    const name = screen.getByRole('textbox', { name: /Identificativo utente/ })
    expect(name).toHaveAccessibleDescription(/Inserisci l'identificativo utente/)
    expect(name).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.type(name, 'operatore')
    const email = screen.getByRole('textbox', { name: /Indirizzo e-mail/ })
    await user.type(email, 'operatore@')
    await user.click(screen.getByRole('button', { name: 'Invia il collegamento' }))
    expect(
      await screen.findByText('Indirizzo di posta elettronica non valido.'),
    ).toBeInTheDocument()
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      user_id: 'operatore',
      email: 'operatore@',
    })
  })
})

function renderReset(path: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/reimposta-password" element={<ResetPasswordPage />} />
      <Route path="/accedi" element={<h1>Accedi</h1>} />
    </Routes>,
    path,
  )
}

describe('password reset from the e-mailed link', () => {
  it('sets the new password with the token, then leads to the login', async () => {
    const { requests } = mockApi({ [CONFIRM]: () => new Response(null, { status: 204 }) })
    const user = userEvent.setup()
    renderReset('/reimposta-password?token=abc123')
    const field = screen.getByLabelText(/^Nuova password/)
    expect(field).toHaveAccessibleDescription(/contenere almeno 8 caratteri/)
    await user.type(field, 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Imposta la nuova password' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      token: 'abc123',
      new_password: 'Sportello2026',
    })
  })

  it("welcomes a new staff member who follows the invitation's link", async () => {
    const { requests } = mockApi({ [CONFIRM]: () => new Response(null, { status: 204 }) })
    const user = userEvent.setup()
    renderReset('/reimposta-password?invito=1&token=inv42')
    expect(
      screen.getByRole('heading', { level: 1, name: 'Attiva il tuo account: scegli la password' }),
    ).toBeInTheDocument()
    await user.type(screen.getByLabelText(/^Nuova password/), 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Imposta la nuova password' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Accedi' })).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      token: 'inv42',
      new_password: 'Sportello2026',
    })
  })

  it('explains an expired link and offers a new one', async () => {
    mockApi({
      [CONFIRM]: () =>
        problem(422, {
          code: 'validation_failed',
          errors: [
            {
              field: 'token',
              message:
                'Il collegamento non è valido, è già stato usato o è scaduto: richiederne uno nuovo.',
            },
          ],
        }),
    })
    const user = userEvent.setup()
    renderReset('/reimposta-password?token=old')
    await user.type(screen.getByLabelText(/^Nuova password/), 'Sportello2026')
    await user.type(screen.getByLabelText(/^Conferma/), 'Sportello2026')
    await user.click(screen.getByRole('button', { name: 'Imposta la nuova password' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/è già stato usato o è scaduto/)
    expect(screen.getByRole('link', { name: 'Chiedi un nuovo collegamento' })).toHaveAttribute(
      'href',
      '/recupera-password',
    )
  })

  it('says when the link lost its token', () => {
    mockApi()
    renderReset('/reimposta-password')
    expect(screen.getByText(/Il collegamento non è completo/)).toBeInTheDocument()
    expect(screen.queryByLabelText(/^Nuova password/)).toBeNull()
  })
})
