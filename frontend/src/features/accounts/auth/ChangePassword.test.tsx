import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import i18n from '@/i18n'
import { session } from '@/lib/session'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { issued, operatorClaims, signIn } from '@/test/session'
import { DEFAULT_PASSWORD_POLICY as seed } from './api/usePasswordPolicy'
import { checkPassword, meetsAllRules, rulesOf } from './components/passwordRules'
import { PasswordRules } from './components/PasswordRules'
import { ChangePasswordPage } from './pages/ChangePasswordPage'

const CHANGE = 'POST /api/v1/auth/password'

describe('password rules (seed 000)', () => {
  it('needs 8 characters, 2 digits, letters and digits only, some letters', () => {
    expect(rulesOf(seed)).toEqual(['minLength', 'minDigits', 'lettersAndDigitsOnly', 'hasLetter'])
    expect(checkPassword('', seed)).toEqual({
      minLength: false,
      maxLength: true,
      minDigits: false,
      lettersAndDigitsOnly: false,
      hasLetter: false,
    })
    expect(checkPassword('abc1', seed)).toEqual({
      minLength: false,
      maxLength: true,
      minDigits: false,
      lettersAndDigitsOnly: true,
      hasLetter: true,
    })
    expect(meetsAllRules('Valdoria26', seed)).toBe(true)
    expect(meetsAllRules('Valdoria2', seed)).toBe(false)
    expect(meetsAllRules('12345678', seed)).toBe(false)
    expect(checkPassword('Valdoria 26', seed).lettersAndDigitsOnly).toBe(false)
    expect(checkPassword('Città2026', seed).lettersAndDigitsOnly).toBe(false)
    expect(checkPassword('Valdoria-26', seed).lettersAndDigitsOnly).toBe(false)
    expect(meetsAllRules(`Valdoria26${'x'.repeat(119)}`, seed)).toBe(false)
  })

  it("follows the municipality's configured rules", () => {
    const strict = { ...seed, min_length: 12, min_digits: 1, letters_and_digits_only: false }
    expect(rulesOf(strict)).toEqual(['minLength', 'minDigits', 'hasLetter'])
    expect(meetsAllRules('Valdoria26', strict)).toBe(false)
    expect(meetsAllRules('Città di Valdoria 1', strict)).toBe(true)
    expect(rulesOf({ ...seed, min_digits: 0 })).not.toContain('minDigits')
  })

  it("shows each rule's state at once and announces the progress once typing pauses", () => {
    vi.useFakeTimers()
    try {
      const view = (password: string) => (
        <I18nextProvider i18n={i18n}>
          <PasswordRules id="rules" password={password} policy={seed} announceDelay={1000} />
        </I18nextProvider>
      )
      const { rerender } = render(view(''))
      const list = screen.getByRole('list', { name: 'La nuova password deve:' })
      const items = () => screen.getAllByRole('listitem').map((li) => li.textContent)
      expect(items()[0]).toMatch(/^○Requisito non ancora rispettato: contenere almeno 8 caratteri/)
      const status = screen.getByTestId('password-rules-status')
      expect(status).toHaveAttribute('aria-live', 'polite')
      expect(list).not.toHaveAttribute('aria-live')

      rerender(view('abc1'))
      rerender(view('abc12'))
      expect(items()[1]).toMatch(/^✓Requisito rispettato: contenere almeno 2 cifre/)
      expect(status.textContent).toBe('') // nothing said while typing
      act(() => vi.advanceTimersByTime(1000))
      expect(status).toHaveTextContent('Requisiti della password rispettati: 3 su 4.')

      rerender(view('abc12xyzw'))
      act(() => vi.advanceTimersByTime(1000))
      expect(status).toHaveTextContent('La password rispetta tutti i requisiti.')
    } finally {
      vi.useRealTimers()
    }
  })
})

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route
        path="/cambio-password"
        element={<ChangePasswordPage landing={() => '/backoffice'} />}
      />
      <Route path="/backoffice" element={<h1>Back office</h1>} />
    </Routes>,
    '/cambio-password',
  )
}

async function fill(current: string, next: string, confirm: string) {
  const user = userEvent.setup()
  if (current) await user.type(screen.getByLabelText(/^Password attuale/), current)
  if (next) await user.type(screen.getByLabelText(/^Nuova password/), next)
  if (confirm) await user.type(screen.getByLabelText(/^Conferma la nuova password/), confirm)
  await user.click(screen.getByRole('button', { name: 'Salva la nuova password' }))
  return user
}

describe('change password page', () => {
  it('at the first login explains the forced change, then goes on with the new session', async () => {
    signIn({ ...operatorClaims, mcp: true })
    const { requests } = mockApi({ [CHANGE]: () => json(issued(operatorClaims)) })
    renderPage()
    expect(
      screen.getByRole('heading', { level: 1, name: 'Scegli una nuova password' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText('Al primo accesso è necessario scegliere una nuova password'),
    ).toBeInTheDocument()
    expect(screen.getByLabelText(/^Nuova password/)).toHaveAccessibleDescription(
      /contenere almeno 8 caratteri.*contenere almeno 2 cifre/,
    )

    await fill('QwG4Uhv8QFb2', 'Sportello2026', 'Sportello2026')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Back office' }),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/v1/auth/password')?.body).toEqual({
      current_password: 'QwG4Uhv8QFb2',
      new_password: 'Sportello2026',
    })
    expect(session.getSnapshot().user?.mustChangePassword).toBe(false)
  })

  it('checks the fields before sending: rules, confirmation', async () => {
    signIn()
    const { requests } = mockApi()
    renderPage()
    await fill('Vecchia12', 'corta1', 'altra')
    const next = screen.getByLabelText(/^Nuova password/)
    expect(next).toHaveAttribute('aria-invalid', 'true')
    expect(next).toHaveAccessibleDescription(/non rispetta tutti i requisiti/)
    expect(next).toHaveFocus()
    expect(screen.getByLabelText(/^Conferma la nuova password/)).toHaveAccessibleDescription(
      'Le due password non coincidono.',
    )
    expect(requests.filter((r) => r.path === '/api/v1/auth/password')).toHaveLength(0)
  })

  it("puts the server's answers on their fields: wrong current password, broken rules", async () => {
    signIn()
    let call = 0
    mockApi({
      [CHANGE]: () =>
        ++call === 1
          ? problem(422, {
              code: 'validation_failed',
              errors: [
                { field: 'current_password', message: 'La password attuale non è corretta.' },
              ],
            })
          : problem(422, {
              code: 'validation_failed',
              errors: [
                {
                  field: 'new_password',
                  message: 'La password deve contenere almeno 10 caratteri.',
                },
                { field: 'new_password', message: 'La password deve contenere almeno 3 cifre.' },
              ],
            }),
    })
    renderPage()
    const user = await fill('Sbagliata12', 'Sportello2026', 'Sportello2026')
    const current = screen.getByLabelText(/^Password attuale/)
    expect(await screen.findByText('La password attuale non è corretta.')).toBeInTheDocument()
    expect(current).toHaveAttribute('aria-invalid', 'true')
    expect(current).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Salva la nuova password' }))
    const next = screen.getByLabelText(/^Nuova password/)
    expect(await screen.findByText(/almeno 10 caratteri/)).toBeInTheDocument()
    expect(next).toHaveAccessibleDescription(
      /almeno 10 caratteri\. La password deve contenere almeno 3 cifre/,
    )
  })

  it("checks the server's configured rules as one types, and before sending", async () => {
    signIn()
    const { requests } = mockApi({
      'GET /api/v1/auth/password-policy': () =>
        json({ ...seed, min_length: 12, min_digits: 1, letters_and_digits_only: false }),
    })
    renderPage()
    const next = screen.getByLabelText(/^Nuova password/)
    await screen.findByText(/contenere almeno 12 caratteri/)
    expect(next).toHaveAccessibleDescription(/almeno 12 caratteri.*almeno 1 cifra[^a-z]/)
    expect(next).not.toHaveAccessibleDescription(/soltanto lettere/)
    await fill('Vecchia12', 'Sportello26', 'Sportello26')
    expect(next).toHaveAccessibleDescription(/non rispetta tutti i requisiti/)
    expect(requests.filter((r) => r.path === '/api/v1/auth/password')).toHaveLength(0)
  })

  it('confirms a voluntary change on the page', async () => {
    signIn()
    mockApi({ [CHANGE]: () => json(issued()) })
    renderPage()
    expect(screen.getByRole('heading', { level: 1, name: 'Cambio password' })).toBeInTheDocument()
    await fill('Vecchia12', 'Sportello2026', 'Sportello2026')
    expect(await screen.findByText(/La password è stata cambiata/)).toBeInTheDocument()
    expect(screen.getByLabelText(/^Nuova password/)).toHaveValue('')
  })
})
