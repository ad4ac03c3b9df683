import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { invalidFiscalCode, validFiscalCode } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { FiscalCodePage } from './pages/FiscalCodePage'

const VALIDATE = 'POST /api/v1/codice-fiscale/validate'

describe('fiscal code check', () => {
  it('sends the cleaned code and shows the decoded data', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi({ [VALIDATE]: () => json(validFiscalCode) })
    renderWithProviders(<FiscalCodePage />)

    const input = screen.getByRole('textbox', { name: /Codice fiscale/ })
    await user.type(input, 'rssmra 85t10 h501o')
    await user.click(screen.getByRole('button', { name: 'Verifica' }))

    const result = await screen.findByRole('region', { name: 'Esito della verifica' })
    expect(
      within(result).getByText('Il codice fiscale RSSMRA85T10H501O è formalmente corretto.'),
    ).toBeInTheDocument()
    const value = (term: string) => within(result).getByText(term).nextElementSibling?.textContent
    expect(value('Sesso')).toBe('Maschile')
    expect(value('Data di nascita')).toBe('10 dicembre 1985')
    expect(value('Luogo di nascita')).toBe('Roma (H501)')
    expect(value('Omocodia')).toBe('No')
    expect(input).not.toHaveAttribute('aria-invalid')

    const call = requests.find((r) => r.path === '/api/v1/codice-fiscale/validate')
    expect(call?.body).toEqual({ fiscal_code: 'RSSMRA85T10H501O' })
    expect(call?.language).toBe('it')
  })

  it('marks the field invalid and ties the problems to it', async () => {
    const user = userEvent.setup()
    mockApi({ [VALIDATE]: () => json(invalidFiscalCode) })
    renderWithProviders(<FiscalCodePage />)

    const input = screen.getByRole('textbox', { name: /Codice fiscale/ })
    await user.type(input, 'RSSMRA85T10H501A')
    await user.click(screen.getByRole('button', { name: 'Verifica' }))

    expect(
      await screen.findByText('Il carattere di controllo è errato: atteso O'),
    ).toBeInTheDocument()
    expect(screen.getByText('Il codice fiscale non è valido')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/Il carattere di controllo è errato: atteso O/)
    expect(input).toHaveAccessibleDescription(/16 caratteri/)

    // Editing the code clears the invalid state until the next check.
    await user.type(input, 'X')
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('asks for a code before sending anything', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi()
    renderWithProviders(<FiscalCodePage />)

    await user.click(screen.getByRole('button', { name: 'Verifica' }))

    const input = screen.getByRole('textbox', { name: /Codice fiscale/ })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/Inserisci il codice fiscale da verificare/)
    expect(input).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it("shows the server's field error on the field and the request id of other failures", async () => {
    const user = userEvent.setup()
    let calls = 0
    mockApi({
      [VALIDATE]: () =>
        ++calls === 1
          ? problem(422, {
              title: 'Dati non validi',
              detail: 'La richiesta contiene dati non validi.',
              code: 'validation_failed',
              request_id: 'req-1',
              errors: [{ field: 'fiscal_code', message: 'Il codice fiscale è troppo lungo.' }],
            })
          : problem(500, {
              title: 'Internal Server Error',
              detail: 'Errore interno.',
              code: 'internal',
              request_id: 'req-2',
            }),
    })
    renderWithProviders(<FiscalCodePage />)

    const input = screen.getByRole('textbox', { name: /Codice fiscale/ })
    await user.type(input, 'RSSMRA85T10H501OZZZ')
    await user.click(screen.getByRole('button', { name: 'Verifica' }))
    expect(await screen.findByText('Il codice fiscale è troppo lungo.')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(/troppo lungo/)

    await user.clear(input)
    await user.type(input, 'RSSMRA85T10H501O')
    await user.click(screen.getByRole('button', { name: 'Verifica' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Errore interno.')
    expect(alert).toHaveTextContent('req-2')
  })
})
