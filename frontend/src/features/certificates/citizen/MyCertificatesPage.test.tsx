import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { MyCertificatesPage } from './pages/MyCertificatesPage'
import { certificate, types } from './testData'

const ID = certificate.id
const EMAIL = `POST /api/v1/certificates/${ID}/email`

const older = {
  ...certificate,
  id: 'AB12-CD34-EF56-GH78',
  type_name: 'Certificato di Cittadinanza',
  usage: 'altro',
  usage_description: 'Si rilascia per altro motivo',
  usage_text: 'Circolo sportivo',
  stamp: null,
  issued_at: '2025-01-10T08:00:00Z',
  valid_until: '2025-07-10',
}
const revoked = { ...certificate, id: 'ZZ99-ZZ99-ZZ99-ZZ99', status: 'revoked' }

function backEnd(email: () => Response = () => new Response(null, { status: 202 })) {
  return mockApi({
    'GET /api/v1/certificates': () => json({ items: [certificate, older, revoked] }),
    'GET /api/v1/certificate-types': () => json(types),
    [EMAIL]: email,
  })
}

function row(id: string) {
  const cell = screen.getByRole('cell', { name: id })
  return cell.closest('tr') as HTMLElement
}

async function openEmailForm() {
  const user = userEvent.setup()
  renderWithProviders(<MyCertificatesPage />, '/certificati')
  await screen.findByRole('table')
  await user.click(within(row(ID)).getByRole('button', { name: /Invia per email/ }))
  return user
}

describe('my certificates', () => {
  it('lists each certificate with its data and state', async () => {
    signIn()
    backEnd()
    renderWithProviders(<MyCertificatesPage />, '/certificati')
    const table = await screen.findByRole('table', { name: /Certificati richiesti: 3/ })
    expect(within(table).getAllByRole('row')).toHaveLength(4)

    const current = row(ID)
    expect(within(current).getByRole('rowheader')).toHaveTextContent('Certificato di Residenza')
    expect(current).toHaveTextContent('ROSSI MARCO')
    expect(current).toHaveTextContent('Si rilascia in carta resa legale')
    expect(current).toHaveTextContent('30/05/2027')
    expect(within(current).getByText('Valido')).toBeInTheDocument()
    expect(within(row(older.id)).getByText('Scaduto')).toBeInTheDocument()
    expect(row(older.id)).toHaveTextContent('Si rilascia per altro motivo: Circolo sportivo')
    expect(within(row(revoked.id)).getByText('Revocato')).toBeInTheDocument()
  })

  it('narrows the list by category, as the office archive does (seed 001 §5)', async () => {
    signIn()
    const civil = {
      ...certificate,
      id: 'SC11-SC22-SC33-SC44',
      type: 'stato_civile',
      type_name: 'Certificato di Stato Civile',
    }
    mockApi({
      'GET /api/v1/certificates': () => json({ items: [certificate, civil] }),
      'GET /api/v1/certificate-types': () => json(types),
    })
    const user = userEvent.setup()
    renderWithProviders(<MyCertificatesPage />, '/certificati')
    await screen.findByRole('table', { name: /Certificati richiesti: 2/ })
    const chooser = await screen.findByRole('combobox', { name: 'Categoria' })
    expect(
      within(chooser)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Tutte le categorie', 'Anagrafe', 'Stato civile'])
    await user.selectOptions(chooser, 'Stato civile')
    const table = screen.getByRole('table', { name: /Certificati richiesti: 1/ })
    expect(within(table).getByRole('rowheader')).toHaveTextContent('Certificato di Stato Civile')
    await user.selectOptions(chooser, 'Anagrafe')
    expect(screen.getByRole('table', { name: /Certificati richiesti: 1/ })).toHaveTextContent(
      'Certificato di Residenza',
    )
    await user.selectOptions(chooser, 'Tutte le categorie')
    expect(screen.getByRole('table', { name: /Certificati richiesti: 2/ })).toBeInTheDocument()
  })

  it('says so when a category has no certificate', async () => {
    signIn()
    mockApi({
      'GET /api/v1/certificates': () => json({ items: [certificate] }),
      'GET /api/v1/certificate-types': () => json(types),
    })
    const user = userEvent.setup()
    renderWithProviders(<MyCertificatesPage />, '/certificati')
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Categoria' }),
      'Stato civile',
    )
    expect(screen.getByText(/Nessun certificato di questa categoria/)).toHaveAttribute(
      'role',
      'status',
    )
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('downloads the PDF with the session token as certificato-ID.pdf', async () => {
    signIn()
    const { requests } = mockApi({
      'GET /api/v1/certificates': () => json({ items: [certificate] }),
      [`GET /api/v1/certificates/${ID}/pdf`]: () =>
        new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } }),
    })
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:certificato')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    const user = userEvent.setup()
    renderWithProviders(<MyCertificatesPage />, '/certificati')
    await screen.findByRole('table')
    await user.click(within(row(ID)).getByRole('button', { name: /^Download/ }))
    expect(
      await screen.findByText(`Il certificato è stato scaricato: certificato-${ID}.pdf.`),
    ).toBeInTheDocument()
    expect(saved).toEqual([`certificato-${ID}.pdf`])
    expect(requests.find((r) => r.path.endsWith('/pdf'))?.authorization).toMatch(/^Bearer /)
  })

  it('says when there is no certificate yet', async () => {
    signIn()
    mockApi({ 'GET /api/v1/certificates': () => json({ items: [] }) })
    renderWithProviders(<MyCertificatesPage />, '/certificati')
    expect(await screen.findByText('Non hai ancora richiesto certificati.')).toBeInTheDocument()
  })
})

describe('sending a certificate by e-mail (seed 001 "Invia certificato per email")', () => {
  it('wants a valid recipient and valid copies before sending', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await openEmailForm()
    const form = screen.getByRole('form', { name: `Invia per email il certificato ${ID}` })
    const to = within(form).getByRole('textbox', { name: 'Email destinatario' })
    expect(to).toHaveFocus()
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    expect(to).toHaveAccessibleDescription("Inserisci l'indirizzo email del destinatario.")

    await user.type(to, 'anna@example.org')
    await user.click(
      within(form).getByRole('button', { name: 'Aggiungi email per invio in copia' }),
    )
    const cc = within(form).getByRole('textbox', { name: 'Email in copia 1' })
    expect(cc).toHaveFocus()
    await user.type(cc, 'ufficio.example.org')
    await user.click(within(form).getByRole('button', { name: 'Invia' }))
    expect(cc).toHaveAttribute('aria-invalid', 'true')
    expect(cc).toHaveAccessibleDescription(/Indirizzo email non valido/)
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })

  it('sends the recipient, the copies and the message, then says where it went', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await openEmailForm()
    const form = screen.getByRole('form', { name: `Invia per email il certificato ${ID}` })
    await user.type(
      within(form).getByRole('textbox', { name: 'Email destinatario' }),
      'anna@example.org',
    )
    const add = within(form).getByRole('button', { name: 'Aggiungi email per invio in copia' })
    await user.click(add)
    await user.type(
      within(form).getByRole('textbox', { name: 'Email in copia 1' }),
      'ufficio@example.org',
    )
    await user.click(add)
    await user.click(add)
    await user.type(
      within(form).getByRole('textbox', { name: 'Email in copia 3' }),
      'studio@example.org',
    )
    await user.click(within(form).getByRole('button', { name: "Rimuovi l'email in copia 2" }))
    await user.type(within(form).getByRole('textbox', { name: 'Messaggio' }), 'Come richiesto.')
    await user.click(within(form).getByRole('button', { name: 'Invia' }))

    expect(
      await screen.findByText(
        'Il certificato è stato inviato a anna@example.org. In copia: ufficio@example.org, studio@example.org.',
      ),
    ).toBeInTheDocument()
    expect(screen.queryByRole('form')).toBeNull()
    const sent = requests.find((r) => r.method === 'POST')
    expect(sent?.path).toBe(`/api/v1/certificates/${ID}/email`)
    expect(sent?.body).toEqual({
      to: 'anna@example.org',
      cc: ['ufficio@example.org', 'studio@example.org'],
      message: 'Come richiesto.',
    })
  })

  it('sends only the recipient when nothing else is given', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await openEmailForm()
    await user.type(screen.getByRole('textbox', { name: 'Email destinatario' }), 'anna@example.org')
    await user.click(screen.getByRole('button', { name: 'Invia' }))
    await screen.findByText('Il certificato è stato inviato a anna@example.org.')
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ to: 'anna@example.org' })
  })

  it("shows the server's refusal on the field", async () => {
    signIn()
    backEnd(() =>
      problem(422, {
        detail: 'Controllare i campi.',
        errors: [{ field: 'to', message: 'Dominio di posta inesistente.' }],
      }),
    )
    const user = await openEmailForm()
    const to = screen.getByRole('textbox', { name: 'Email destinatario' })
    await user.type(to, 'anna@nessuno.example')
    await user.click(screen.getByRole('button', { name: 'Invia' }))
    await vi.waitFor(() => expect(to).toHaveAccessibleDescription('Dominio di posta inesistente.'))
  })

  it('closes without sending on Annulla', async () => {
    signIn()
    const { requests } = backEnd()
    const user = await openEmailForm()
    await user.click(screen.getByRole('button', { name: 'Annulla' }))
    expect(screen.queryByRole('form')).toBeNull()
    expect(within(row(ID)).getByRole('button', { name: /Invia per email/ })).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)
  })
})
