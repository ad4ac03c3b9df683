import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { setLanguage } from '@/i18n'
import { session } from '@/lib/session'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { SelfDeclarationsPage } from './pages/SelfDeclarationsPage'
import { declaration, olderDeclaration, types } from './testData'

const ID = declaration.id

function backEnd(email: () => Response = () => json({ mail_id: 'mail-1' }, 202)) {
  return mockApi({
    'GET /api/v1/self-declaration-types': () => json(types),
    'GET /api/v1/self-declarations': () => json({ items: [declaration, olderDeclaration] }),
    [`GET /api/v1/self-declarations/${ID}/pdf`]: () =>
      new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } }),
    [`POST /api/v1/self-declarations/${ID}/email`]: email,
  })
}

function row(name: RegExp) {
  return screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement
}

describe('self-declaration service home, for anyone', () => {
  it('explains the service, invites to log in, and offers every blank form', async () => {
    const { requests } = backEnd()
    void session.restore() // no session cookie in this browser: anonymous at once
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    expect(
      screen.getByRole('heading', { level: 1, name: 'Autocertificazione assistita' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        "L'autocertificazione va stampata e firmata prima di consegnarla al destinatario.",
      ),
    ).toBeInTheDocument()
    expect(
      screen.getByText(
        "Per le dichiarazioni sostitutive di atto notorio è necessario allegare anche copia del documento d'identità del firmatario.",
      ),
    ).toBeInTheDocument()
    const invitation = await screen.findByRole('region', {
      name: 'Autocertificazione precompilata',
    })
    expect(within(invitation).getByRole('link', { name: 'Accedi per compilare' })).toHaveAttribute(
      'href',
      '/accedi',
    )
    expect(screen.queryByRole('link', { name: 'Nuova autocertificazione' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Archivio autocertificazioni' })).toBeNull()

    const blank = screen.getByRole('region', { name: 'Moduli in bianco' })
    const link = await within(blank).findByRole('link', { name: 'Dichiarazione di residenza' })
    expect(link).toHaveAttribute('href', '/api/v1/self-declaration-types/residenza/blank.pdf')
    expect(link).toHaveAttribute('download')
    expect(link).toHaveAccessibleDescription('Comune e indirizzo di residenza.')
    expect(within(blank).getAllByRole('link')).toHaveLength(4)
    expect(
      within(blank).getByRole('list', { name: /art\. 47 D\.P\.R\. 445\/2000/ }),
    ).toHaveTextContent("Dichiarazione sostitutiva dell'atto di notorietà")
    expect(requests.some((r) => r.path === '/api/v1/self-declarations')).toBe(false)
  })

  it('speaks English when chosen, and asks the server for English names', async () => {
    const { requests } = backEnd()
    void session.restore()
    await setLanguage('en')
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    expect(
      screen.getByRole('heading', { level: 1, name: 'Assisted self-declaration' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 2, name: 'Blank forms' })).toBeInTheDocument()
    expect(
      screen.getByText(
        'The self-declaration must be printed and signed before it is handed to the recipient.',
      ),
    ).toBeInTheDocument()
    await screen.findByRole('link', { name: 'Dichiarazione di residenza' })
    expect(requests.find((r) => r.path === '/api/v1/self-declaration-types')?.language).toBe('en')
  })

  it('tells staff that the online service is for citizens', async () => {
    signIn(operatorClaims)
    const { requests } = backEnd()
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    expect(screen.getByText(/riservata ai cittadini registrati/)).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Nuova autocertificazione' })).toBeNull()
    expect(requests.some((r) => r.path === '/api/v1/self-declarations')).toBe(false)
  })
})

describe('self-declaration service home, for a signed-in citizen', () => {
  it('offers a new one and lists the archive, newest first', async () => {
    signIn()
    backEnd()
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    expect(screen.getByRole('link', { name: 'Nuova autocertificazione' })).toHaveAttribute(
      'href',
      '/autocertificazioni/nuova',
    )
    expect(screen.queryByRole('link', { name: 'Accedi per compilare' })).toBeNull()
    const table = await screen.findByRole('table', {
      name: 'Autocertificazioni compilate: 2, dalla più recente',
    })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toHaveTextContent('Dichiarazione di residenza')
    expect(rows[1]).toHaveTextContent(ID)
    expect(rows[2]).toHaveTextContent("Dichiarazione sostitutiva dell'atto di notorietà")
  })

  it('downloads a declaration with the session token as autocertificazione-ID.pdf', async () => {
    signIn()
    const { requests } = backEnd()
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:autocertificazione')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    const user = userEvent.setup()
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    await screen.findByRole('table')
    await user.click(
      within(row(/^Dichiarazione di residenza$/)).getByRole('button', { name: /^Download/ }),
    )
    expect(
      await screen.findByText(
        `L'autocertificazione è stata scaricata: autocertificazione-${ID}.pdf.`,
      ),
    ).toBeInTheDocument()
    expect(saved).toEqual([`autocertificazione-${ID}.pdf`])
    expect(requests.find((r) => r.path.endsWith('/pdf'))?.authorization).toMatch(/^Bearer /)
  })

  it('e-mails one from the archive, and puts a refused address on its field', async () => {
    signIn()
    let calls = 0
    const { requests } = backEnd(() =>
      ++calls === 1
        ? problem(422, {
            detail: 'Alcuni campi non sono validi.',
            code: 'validation_failed',
            errors: [{ field: 'to', message: 'Dominio di posta inesistente.' }],
          })
        : json({ mail_id: 'mail-1' }, 202),
    )
    const user = userEvent.setup()
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    await screen.findByRole('table')
    const emailButton = within(row(/^Dichiarazione di residenza$/)).getByRole('button', {
      name: /^Invia per email/,
    })
    await user.click(emailButton)
    const form = screen.getByRole('form', { name: /^Invia per email: Dichiarazione di residenza/ })
    const to = within(form).getByRole('textbox', { name: 'Email destinatario' })
    expect(to).toHaveFocus()
    await user.type(to, 'ufficio@example.invalid')
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    await vi.waitFor(() => expect(to).toHaveAccessibleDescription('Dominio di posta inesistente.'))
    await user.clear(to)
    await user.type(to, 'ufficio@example.org')
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    expect(
      await screen.findByText("L'autocertificazione è stata inviata a ufficio@example.org."),
    ).toBeInTheDocument()
    expect(emailButton).toHaveFocus()
    const sent = requests.filter((r) => r.path.endsWith('/email'))
    expect(sent.map((r) => r.path)).toEqual([
      `/api/v1/self-declarations/${ID}/email`,
      `/api/v1/self-declarations/${ID}/email`,
    ])
    expect(sent[1]?.body).toEqual({ to: 'ufficio@example.org' })
  })

  it('says when there is none yet', async () => {
    signIn()
    mockApi({
      'GET /api/v1/self-declaration-types': () => json(types),
      'GET /api/v1/self-declarations': () => json({ items: [] }),
    })
    renderWithProviders(<SelfDeclarationsPage />, '/autocertificazioni')
    expect(
      await screen.findByText('Non hai ancora compilato autocertificazioni.'),
    ).toBeInTheDocument()
  })
})
