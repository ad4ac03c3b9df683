import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { citizenProfile, validFiscalCode } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { ProfilePage } from './pages/ProfilePage'

const ME = 'GET /api/v1/me'
const PATCH = 'PATCH /api/v1/me'
const VALIDATE = 'POST /api/v1/codice-fiscale/validate'

function value(term: string) {
  const dt = screen.getByText(term, { selector: 'dt' })
  return dt.nextElementSibling?.textContent
}

describe('profile page (seed 000)', () => {
  it('shows the identity read-only and the contacts in editable fields', async () => {
    signIn()
    const { requests } = mockApi({
      [ME]: () => json(citizenProfile),
      [VALIDATE]: () => json(validFiscalCode),
    })
    renderWithProviders(<ProfilePage />, '/profilo')

    expect(
      screen.getByRole('heading', { level: 1, name: 'Modifica il tuo profilo' }),
    ).toBeInTheDocument()
    const identity = await screen.findByRole('region', { name: 'Dati anagrafici' })
    expect(value('Cognome')).toBe('Rossi')
    expect(value('Nome')).toBe('Mario')
    expect(value('Codice fiscale')).toBe('RSSMRA85T10H501O')
    expect(value('Sesso')).toBe('Maschile')
    expect(value('Data di nascita')).toBe('10 dicembre 1985')
    expect(await within(identity).findByText('Roma (H501)')).toBeInTheDocument()
    expect(value('Iscrizione anagrafica')).toBe('Residente nel Comune')
    // Identity data are text, not fields.
    expect(within(identity).queryAllByRole('textbox')).toHaveLength(0)
    expect(screen.queryByRole('textbox', { name: /Cognome|Codice fiscale/ })).toBeNull()

    expect(screen.getByRole('textbox', { name: 'Indirizzo e-mail' })).toHaveValue(
      'mario.rossi@example.org',
    )
    expect(screen.getByRole('textbox', { name: /PEC/ })).toHaveValue('')
    expect(screen.getByRole('textbox', { name: 'Telefono' })).toHaveValue('0123 456789')
    expect(screen.getByRole('group', { name: 'Indirizzo di contatto' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Via o piazza' })).toHaveValue('Via Roma')
    expect(screen.getByRole('link', { name: 'Cambia la password' })).toHaveAttribute(
      'href',
      '/cambio-password',
    )
    expect(requests.find((r) => r.path === '/api/v1/me')?.authorization).toMatch(/^Bearer \S+/)
  })

  it('saves the changed contacts and says so', async () => {
    signIn()
    const { requests } = mockApi({
      [ME]: () => json(citizenProfile),
      [PATCH]: (_req, body) => json({ ...citizenProfile, ...(body as object) }),
    })
    const user = userEvent.setup()
    renderWithProviders(<ProfilePage />, '/profilo')
    const phone = await screen.findByRole('textbox', { name: 'Telefono' })
    await user.clear(phone)
    await user.type(phone, '+39 0123 999888')
    await user.clear(screen.getByRole('textbox', { name: 'Numero civico' }))
    await user.click(screen.getByRole('button', { name: 'Salva le modifiche' }))

    expect(await screen.findByText('Le modifiche sono state salvate.')).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      email: 'mario.rossi@example.org',
      pec: null,
      phone: '+39 0123 999888',
      mobile_phone: null,
      address: { province: 'VD', municipality: 'Valdoria', street: 'Via Roma', number: null },
    })
    expect(phone).toHaveValue('+39 0123 999888')
  })

  it('says when there is nothing to save, without calling the server', async () => {
    signIn()
    const { requests } = mockApi({ [ME]: () => json(citizenProfile) })
    const user = userEvent.setup()
    renderWithProviders(<ProfilePage />, '/profilo')
    await user.click(await screen.findByRole('button', { name: 'Salva le modifiche' }))
    expect(await screen.findByText('Non ci sono modifiche da salvare.')).toBeInTheDocument()
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
  })

  it("puts the server's field errors on their fields, until they are edited", async () => {
    signIn()
    mockApi({
      [ME]: () => json(citizenProfile),
      [PATCH]: () =>
        problem(422, {
          detail: 'Controllare i campi: email, address.street.',
          code: 'validation_failed',
          request_id: 'req-422',
          errors: [
            { field: 'email', message: 'Indirizzo di posta elettronica non valido.' },
            { field: 'address.street', message: 'Indirizzo troppo lungo.' },
          ],
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<ProfilePage />, '/profilo')
    const email = await screen.findByRole('textbox', { name: 'Indirizzo e-mail' })
    await user.clear(email)
    await user.type(email, 'mario.rossi')
    await user.click(screen.getByRole('button', { name: 'Salva le modifiche' }))

    expect(
      await screen.findByText('Indirizzo di posta elettronica non valido.'),
    ).toBeInTheDocument()
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription('Indirizzo di posta elettronica non valido.')
    expect(email).toHaveFocus()
    const street = screen.getByRole('textbox', { name: 'Via o piazza' })
    expect(street).toHaveAccessibleDescription('Indirizzo troppo lungo.')
    expect(screen.queryByText('Le modifiche sono state salvate.')).toBeNull()

    await user.type(email, '@example.org')
    expect(email).not.toHaveAttribute('aria-invalid')
    expect(street).toHaveAttribute('aria-invalid', 'true')
  })

  it('shows why the profile could not be loaded', async () => {
    signIn()
    mockApi({
      [ME]: () => problem(500, { detail: 'Errore interno.', request_id: 'req-500' }),
    })
    renderWithProviders(<ProfilePage />, '/profilo')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile caricare il profilo.')
    expect(alert).toHaveTextContent('req-500')
  })
})
