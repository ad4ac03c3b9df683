import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { CertificateOfficePage } from './pages/CertificateOfficePage'
import { expiredForSelf, revokedByOffice, validForThirdParty } from './testData'

const LIST = 'GET /api/v1/certificates'
const REVOKE = `POST /api/v1/certificates/${validForThirdParty.id}/revoke`

const reader = { ...operatorClaims, perms: ['registry.read'] }
const revoker = { ...operatorClaims, perms: ['registry.read', 'certificates.revoke'] }

/** A tiny repository: a revoked certificate stays revoked in later answers. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let items: Array<Record<string, unknown>> = [validForThirdParty, expiredForSelf, revokedByOffice]
  return mockApi({
    // A search finds the certificate with that ID (dashes and case aside), or none.
    [LIST]: (req) => {
      const q = new URL(req.url).searchParams.get('q')
      const bare = (id: unknown) => String(id).replaceAll('-', '').toUpperCase()
      return json({ items: q ? items.filter((c) => bare(c.id) === bare(q)) : items })
    },
    ['GET /api/v1/certificate-usages']: () =>
      json({
        items: [
          { code: 'bollo', legal_reference: null, requires_stamp: true },
          { code: 'altro', legal_reference: null, requires_stamp: false },
          {
            code: 'pensione',
            legal_reference: 'art. 12 Tab. B D.P.R. 642/1972',
            requires_stamp: false,
          },
        ],
      }),
    [REVOKE]: () => {
      const revoked = { ...validForThirdParty, status: 'revoked' }
      items = items.map((c) => (c.id === revoked.id ? revoked : c))
      return json(revoked)
    },
    ...extra,
  })
}

function row(id: string) {
  const cell = screen.getByRole('rowheader', { name: id })
  return cell.closest('tr') as HTMLElement
}

async function openPage(claims = revoker, extra: Parameters<typeof mockApi>[0] = {}) {
  signIn(claims)
  const backend = backEnd(extra)
  const user = userEvent.setup()
  renderWithProviders(<CertificateOfficePage />, '/backoffice/certificati')
  const table = await screen.findByRole('table', {
    name: /Certificati rilasciati, dal più recente/,
  })
  return { ...backend, user, table }
}

describe('back office: issued certificates', () => {
  it('lists every certificate with its holder, requester, use and standing', async () => {
    const { table, requests } = await openPage(reader)
    expect(
      screen.getByRole('heading', { level: 1, name: 'Certificati rilasciati' }),
    ).toBeInTheDocument()
    expect(table).toHaveAccessibleName('Certificati rilasciati, dal più recente: dal 1° al 3°')
    const thirdParty = row(validForThirdParty.id)
    expect(thirdParty).toHaveTextContent('Certificato di Residenza')
    expect(thirdParty).toHaveTextContent('ROSSI MARCO')
    expect(thirdParty).toHaveTextContent('RSSMRC68B12E897Y')
    // Who asked, by name and codice fiscale, not just "a third party".
    const requester = within(thirdParty).getByRole('cell', { name: /Terza persona/ })
    expect(requester).toHaveTextContent('NERI PAOLA')
    expect(requester).toHaveTextContent('NREPLA70A41H501D')
    expect(requester).toHaveTextContent('Motivo: Pratica di successione')
    // The usage in short (the certificate prints the whole wording).
    expect(await within(thirdParty).findByText('In bollo (16,00 €)')).toBeInTheDocument()
    expect(thirdParty).toHaveTextContent('fino al 30/05/2099')
    expect(within(thirdParty).getByText('Valido')).toBeInTheDocument()
    const self = row(expiredForSelf.id)
    expect(within(self).getByRole('cell', { name: "L'intestatario" })).toBeInTheDocument()
    expect(self).toHaveTextContent('Altro: Circolo sportivo')
    expect(within(self).getByText('Scaduto')).toBeInTheDocument()
    const office = row(revokedByOffice.id)
    const byOffice = within(office).getByRole('cell', { name: /Ufficio anagrafe/ })
    expect(byOffice).toHaveTextContent('Demo Operatore')
    expect(byOffice).toHaveTextContent('operatore')
    expect(within(office).getByText('Revocato')).toBeInTheDocument()
    const list = requests.find((r) => r.path === '/api/v1/certificates')
    expect(new URLSearchParams(list?.query)).toEqual(
      new URLSearchParams({ page: '1', per_page: '50' }),
    )
  })

  it('offers no revocation without the permission to revoke', async () => {
    const { table } = await openPage(reader)
    expect(within(table).queryByRole('button', { name: /^Revoca/ })).toBeNull()
    expect(within(table).getAllByRole('button', { name: /^Scarica/ })).toHaveLength(3)
  })

  it('offers the revocation only on certificates not yet revoked', async () => {
    await openPage(revoker)
    expect(
      within(row(validForThirdParty.id)).getByRole('button', { name: /^Revoca/ }),
    ).toBeInTheDocument()
    expect(
      within(row(expiredForSelf.id)).getByRole('button', { name: /^Revoca/ }),
    ).toBeInTheDocument()
    expect(within(row(revokedByOffice.id)).queryByRole('button', { name: /^Revoca/ })).toBeNull()
  })

  it('asks for the reason before revoking, then shows the certificate revoked', async () => {
    const { user, requests } = await openPage(revoker)
    await user.click(within(row(validForThirdParty.id)).getByRole('button', { name: /^Revoca/ }))
    const title = screen.getByRole('heading', {
      level: 2,
      name: `Revoca del certificato ${validForThirdParty.id}`,
    })
    expect(title).toHaveFocus()
    const reason = screen.getByRole('textbox', { name: /Motivo della revoca/ })
    await user.click(screen.getByRole('button', { name: 'Conferma revoca' }))
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription(/Indicare il motivo della revoca\./)
    expect(reason).toHaveFocus()
    await user.type(reason, 'ab')
    expect(reason).toHaveAccessibleDescription(/almeno 3 caratteri/)
    expect(reason).toHaveAccessibleDescription(/2 caratteri su 500/)
    expect(requests.filter((r) => r.path.endsWith('/revoke'))).toHaveLength(0)

    await user.clear(reason)
    await user.type(reason, '  Rilasciato su dati anagrafici errati ')
    expect(reason).not.toHaveAttribute('aria-invalid')
    await user.click(screen.getByRole('button', { name: 'Conferma revoca' }))
    const done = await screen.findByText(
      `Il certificato ${validForThirdParty.id} è stato revocato.`,
    )
    expect(done.closest('[role="status"]')).toHaveFocus()
    expect(within(row(validForThirdParty.id)).getByText('Revocato')).toBeInTheDocument()
    expect(within(row(validForThirdParty.id)).queryByRole('button', { name: /^Revoca/ })).toBeNull()
    expect(screen.queryByRole('textbox', { name: /Motivo della revoca/ })).toBeNull()
    const sent = requests.filter((r) => r.path.endsWith('/revoke'))
    expect(sent.map((r) => r.body)).toEqual([{ reason: 'Rilasciato su dati anagrafici errati' }])
  })

  it("shows the server's message when the certificate was already revoked", async () => {
    const { user } = await openPage(revoker, {
      [REVOKE]: () =>
        problem(409, {
          code: 'already_revoked',
          detail: 'Il certificato è già stato revocato.',
        }),
    })
    await user.click(within(row(validForThirdParty.id)).getByRole('button', { name: /^Revoca/ }))
    await user.type(screen.getByRole('textbox', { name: /Motivo della revoca/ }), 'Errore')
    await user.click(screen.getByRole('button', { name: 'Conferma revoca' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile revocare il certificato.')
    expect(alert).toHaveTextContent('Il certificato è già stato revocato.')
    expect(screen.queryByRole('button', { name: 'Conferma revoca' })).toBeNull()
  })

  it("ties the server's refusal of the reason to the field", async () => {
    const { user } = await openPage(revoker, {
      [REVOKE]: () =>
        problem(422, {
          code: 'validation_failed',
          detail: 'Dati non validi.',
          errors: [
            {
              field: 'reason',
              message: 'Indicare il motivo della revoca (da 3 a 500 caratteri).',
            },
          ],
        }),
    })
    await user.click(within(row(validForThirdParty.id)).getByRole('button', { name: /^Revoca/ }))
    const reason = screen.getByRole('textbox', { name: /Motivo della revoca/ })
    await user.type(reason, 'Errore')
    await user.click(screen.getByRole('button', { name: 'Conferma revoca' }))
    expect(
      await screen.findByText('Indicare il motivo della revoca (da 3 a 500 caratteri).'),
    ).toBeInTheDocument()
    expect(reason).toHaveAccessibleDescription(/da 3 a 500 caratteri\)/)
  })

  it('gives the form up on Annulla, back to the row', async () => {
    const { user, requests } = await openPage(revoker)
    const button = within(row(validForThirdParty.id)).getByRole('button', { name: /^Revoca/ })
    await user.click(button)
    await user.click(screen.getByRole('button', { name: 'Annulla' }))
    expect(screen.queryByRole('textbox', { name: /Motivo della revoca/ })).toBeNull()
    await vi.waitFor(() => expect(button).toHaveFocus())
    expect(requests.filter((r) => r.path.endsWith('/revoke'))).toHaveLength(0)
  })

  it('downloads the PDF with the session token', async () => {
    const saved: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:certificato')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download)
    })
    const { user, requests } = await openPage(reader, {
      [`GET /api/v1/certificates/${expiredForSelf.id}/pdf`]: () =>
        new Response(new Blob(['%PDF-1.7']), { headers: { 'content-type': 'application/pdf' } }),
    })
    await user.click(within(row(expiredForSelf.id)).getByRole('button', { name: /^Scarica/ }))
    expect(
      await screen.findByText(
        `Il certificato è stato scaricato: certificato-${expiredForSelf.id}.pdf.`,
      ),
    ).toBeInTheDocument()
    expect(saved).toEqual([`certificato-${expiredForSelf.id}.pdf`])
    expect(requests.find((r) => r.path.endsWith('/pdf'))?.authorization).toMatch(/^Bearer /)
  })

  it('pages through the certificates fifty at a time', async () => {
    signIn(reader)
    const fullPage = Array.from({ length: 50 }, (_, i) => ({
      ...validForThirdParty,
      id: `PAGE-ONE-${String(i).padStart(4, '0')}`,
    }))
    const { requests } = mockApi({
      [LIST]: (req) =>
        json({
          items: new URL(req.url).searchParams.get('page') === '2' ? [expiredForSelf] : fullPage,
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<CertificateOfficePage />, '/backoffice/certificati')
    await screen.findByRole('table', { name: /dal 1° al 50°/ })
    const pages = screen.getByRole('navigation', { name: 'Pagine dei certificati rilasciati' })
    expect(within(pages).queryByRole('link', { name: 'Precedenti' })).toBeNull()
    await user.click(within(pages).getByRole('link', { name: 'Successivi' }))
    await screen.findByRole('table', { name: /dal 51° al 51°/ })
    expect(screen.getByRole('link', { name: 'Precedenti' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Successivi' })).toBeNull()
    const last = requests.filter((r) => r.path === '/api/v1/certificates').at(-1)
    expect(new URLSearchParams(last?.query).get('page')).toBe('2')
  })

  it('finds a certificate by its ID, then shows them all again', async () => {
    const { user, requests } = await openPage(reader)
    const field = screen.getByRole('searchbox', { name: 'ID del certificato o codice fiscale' })
    expect(field).toHaveAccessibleDescription(/con o senza trattini/)
    await user.type(field, '  7kqf9xma2r4dhv0c ')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    const found = await screen.findByRole('table', {
      name: 'Certificati corrispondenti a «7KQF9XMA2R4DHV0C», dal più recente: dal 1° al 1°',
    })
    expect(within(found).getAllByRole('row')).toHaveLength(2)
    expect(row(validForThirdParty.id)).toBeInTheDocument()
    const searched = requests.filter((r) => r.path === '/api/v1/certificates').at(-1)
    expect(new URLSearchParams(searched?.query)).toEqual(
      new URLSearchParams({ page: '1', per_page: '50', q: '7kqf9xma2r4dhv0c' }),
    )

    await user.click(screen.getByRole('button', { name: 'Mostra tutti i certificati' }))
    await screen.findByRole('table', { name: /dal 1° al 3°/ })
    expect(field).toHaveValue('')
    expect(field).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Mostra tutti i certificati' })).toBeNull()
    const all = requests.filter((r) => r.path === '/api/v1/certificates').at(-1)
    expect(new URLSearchParams(all?.query).has('q')).toBe(false)
  })

  it('says so when nothing matches, and keeps the way back to the whole list', async () => {
    const { user } = await openPage(reader)
    await user.type(screen.getByRole('searchbox'), '0000-0000-0000-0000')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    const none = await screen.findByText(/Nessun certificato corrisponde a «0000-0000-0000-0000»/)
    expect(none).toHaveAttribute('role', 'status')
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByRole('searchbox')).toHaveValue('0000-0000-0000-0000')
    await user.click(screen.getByRole('button', { name: 'Mostra tutti i certificati' }))
    await screen.findByRole('table', { name: /dal 1° al 3°/ })
  })

  it("ties the server's refusal of the search text to the field", async () => {
    const { user } = await openPage(reader, {
      [LIST]: (req) =>
        new URL(req.url).searchParams.has('q')
          ? problem(422, {
              code: 'validation_failed',
              detail: 'Dati non validi.',
              errors: [
                {
                  field: 'q',
                  message: "Indicare l'ID di un certificato o un codice fiscale valido.",
                },
              ],
            })
          : json({ items: [validForThirdParty] }),
    })
    const field = screen.getByRole('searchbox')
    await user.type(field, 'Rossi')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription(/codice fiscale valido/)
    expect(screen.queryByRole('table')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Mostra tutti i certificati' }))
    await screen.findByRole('table', { name: /dal 1° al 1°/ })
    expect(field).not.toHaveAttribute('aria-invalid')
  })
})
