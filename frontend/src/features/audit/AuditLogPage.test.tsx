import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { auditActions, auditEntry } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import { AuditLogPage } from './pages/AuditLogPage'

const LOG = 'GET /api/v1/admin/audit-log'
const CSV = '\ufeffid,occurred_at,actor_id\r\n42,2026-11-23T09:30:00.123456Z,acc-admin\r\n'

function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    [LOG]: (req) => {
      const query = new URL(req.url).searchParams
      if (query.get('format') === 'csv') {
        return new Response(CSV, {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="registro-accessi-20261123-093000.csv"',
          },
        })
      }
      const page = Number(query.get('page') ?? 1)
      return json({ entries: [{ ...auditEntry, id: 43 - page }], page, per_page: 50, total: 120 })
    },
    'GET /api/v1/admin/audit-log/actions': () => json(auditActions),
    'GET /api/v1/admin/audit-log/verify': () =>
      json({ intact: true, checked: 120, head_id: 120, head_hash: 'ab'.repeat(32) }),
    ...extra,
  })
}

function logRequests(requests: ReturnType<typeof mockApi>['requests']) {
  return requests
    .filter((r) => r.path === '/api/v1/admin/audit-log')
    .map((r) => new URLSearchParams(r.query))
}

afterEach(() => vi.restoreAllMocks())

describe('back office: audit log', () => {
  it('shows a page of entries with the action named from the catalogue', async () => {
    signIn(adminClaims)
    backEnd()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    expect(
      screen.getByRole('heading', { level: 1, name: 'Registro degli accessi' }),
    ).toBeInTheDocument()
    const table = await screen.findByRole('table', {
      name: '120 operazioni registrate (pagina 1 di 3)',
    })
    const row = within(table).getAllByRole('row')[1]!
    expect(row).toHaveTextContent('Amministratore Demo')
    expect(await within(row).findByText('Blocco di un account')).toBeInTheDocument()
    expect(row).toHaveTextContent('acc-active-1')
    expect(row).toHaveTextContent('192.0.2.10')
    expect(row).toHaveTextContent('0193a4c2-7d1e-7c4e-9a7b-2f0c1d9e8a11')
    const pages = screen.getByRole('navigation', { name: 'Pagine del registro' })
    expect(within(pages).getByRole('link', { name: 'Pagina 1' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  it('sends the filters: local calendar days, actor, subject, action; pages keep them', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const user = userEvent.setup()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    await screen.findByRole('table')
    await user.type(screen.getByLabelText('Dal giorno'), '2026-11-01')
    await user.type(screen.getByLabelText(/^Al giorno/), '2026-11-30')
    await user.type(screen.getByRole('searchbox', { name: 'Autore' }), 'Amministratore')
    await user.type(screen.getByRole('searchbox', { name: 'Oggetto' }), 'acc-active-1')
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Azione' }),
      await screen.findByRole('option', { name: 'Blocco di un account' }),
    )
    await user.click(screen.getByRole('button', { name: 'Applica i filtri' }))
    await screen.findByRole('table', { name: /corrispondenti ai filtri/ })
    const expected = {
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 11, 1).toISOString(),
      actor: 'Amministratore',
      subject: 'acc-active-1',
      action: 'account.locked',
      page: '1',
      per_page: '50',
      format: 'json',
    }
    expect(logRequests(requests).at(-1)).toEqual(new URLSearchParams(expected))

    const pages = screen.getByRole('navigation', { name: 'Pagine del registro' })
    await user.click(within(pages).getByRole('link', { name: 'Pagina successiva' }))
    await screen.findByRole('table', { name: /\(pagina 2 di 3\)/ })
    expect(logRequests(requests).at(-1)).toEqual(new URLSearchParams({ ...expected, page: '2' }))
  })

  it('refuses a period that ends before it starts', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const user = userEvent.setup()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    await screen.findByRole('table')
    const before = requests.length
    await user.type(screen.getByLabelText('Dal giorno'), '2026-11-30')
    await user.type(screen.getByLabelText(/^Al giorno/), '2026-11-01')
    await user.click(screen.getByRole('button', { name: 'Applica i filtri' }))
    const to = screen.getByLabelText(/^Al giorno/)
    expect(to).toHaveAttribute('aria-invalid', 'true')
    expect(to).toHaveAccessibleDescription(/non può precedere quello iniziale/)
    expect(requests).toHaveLength(before)
  })

  it('exports the filtered entries as CSV with the session token', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const saved: Array<{ name: string; href: string }> = []
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:registro')
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, href: this.href })
    })
    const user = userEvent.setup()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi?azione=account.locked')
    await screen.findByRole('table')
    await user.click(screen.getByRole('button', { name: 'Esporta CSV' }))
    const done = await screen.findByText(
      'Il file registro-accessi-20261123-093000.csv con le operazioni corrispondenti ai filtri è stato scaricato.',
    )
    expect(done.closest('[role="status"]')).toHaveFocus()
    expect(saved).toEqual([{ name: 'registro-accessi-20261123-093000.csv', href: 'blob:registro' }])
    const csv = requests.find((r) => r.query.includes('format=csv'))
    expect(new URLSearchParams(csv?.query)).toEqual(
      new URLSearchParams({ action: 'account.locked', format: 'csv' }),
    )
    expect(csv?.authorization).toMatch(/^Bearer /)
  })

  it('verifies the chain: intact, with the anchor to keep', async () => {
    signIn(adminClaims)
    backEnd()
    const user = userEvent.setup()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    await user.click(screen.getByRole('button', { name: "Verifica l'integrità della catena" }))
    expect(
      await screen.findByText(
        'La catena è integra: 120 operazioni verificate, nessuna alterazione.',
      ),
    ).toBeInTheDocument()
    expect(screen.getByText('ab'.repeat(32))).toBeInTheDocument()
  })

  it('verifies the chain: says where it breaks and why', async () => {
    signIn(adminClaims)
    backEnd({
      'GET /api/v1/admin/audit-log/verify': () =>
        json({ intact: false, checked: 2, first_broken_id: 3, problem: 'edited' }),
    })
    const user = userEvent.setup()
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    await user.click(screen.getByRole('button', { name: "Verifica l'integrità della catena" }))
    expect(
      await screen.findByText("La catena è interrotta all'operazione n. 3."),
    ).toBeInTheDocument()
    expect(
      screen.getByText("Il contenuto dell'operazione è stato modificato dopo la registrazione."),
    ).toBeInTheDocument()
  })

  it('says when the log cannot be read', async () => {
    signIn(adminClaims)
    backEnd({
      [LOG]: () =>
        problem(400, {
          detail: 'Data e ora non valide.',
          errors: [{ field: 'from', message: 'Data e ora non valide.' }],
        }),
    })
    renderWithProviders(<AuditLogPage />, '/backoffice/registro-accessi')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile caricare il registro.')
    expect(alert).toHaveTextContent('Data e ora non valide.')
  })
})
