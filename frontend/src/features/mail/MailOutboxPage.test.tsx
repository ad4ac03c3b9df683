import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { failedMail, sentMail } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import { MailOutboxPage } from './pages/MailOutboxPage'

const OUTBOX = 'GET /api/v1/admin/mail-outbox'
const RETRY = `POST /api/v1/admin/mail-outbox/${failedMail.id}/retry`

/** A tiny outbox: the failed mail waits again once retried. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let failed = { ...failedMail }
  return mockApi({
    [OUTBOX]: (req) => {
      const status = new URL(req.url).searchParams.get('status')
      const items = [sentMail, failed].filter((m) => !status || m.status === status)
      return json({ items, page: 1, per_page: 50, total: items.length })
    },
    [RETRY]: () =>
      json(
        (failed = {
          ...failed,
          status: 'pending',
          attempts: 0,
          next_attempt_at: '2026-11-23T10:00:00Z',
        }),
      ),
    ...extra,
  })
}

const mailReader = { ...adminClaims, perms: ['mail.read'] }

describe('back office: outgoing mail', () => {
  it('lists the mails with status, attempts, delivery and last error', async () => {
    signIn(adminClaims)
    backEnd()
    renderWithProviders(<MailOutboxPage />, '/backoffice/posta')
    expect(screen.getByRole('heading', { level: 1, name: 'Posta in uscita' })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: '2 messaggi' })
    const sent = within(table).getByRole('row', { name: /reimpostazione della password/ })
    expect(within(sent).getByText('Inviato')).toBeInTheDocument()
    expect(sent).toHaveTextContent('mario.rossi@example.org')
    expect(sent).toHaveTextContent(/inviato il/)
    const failed = within(table).getByRole('row', { name: /Il suo certificato/ })
    expect(within(failed).getByText('Non riuscito')).toBeInTheDocument()
    expect(failed).toHaveTextContent('permanent error (550): mailbox unavailable')
    expect(failed).toHaveTextContent('Allegato: certificato-residenza.pdf')
    expect(within(failed).getByRole('cell', { name: '10' })).toBeInTheDocument()
  })

  it('shows one status at a time', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const user = userEvent.setup()
    renderWithProviders(<MailOutboxPage />, '/backoffice/posta')
    await screen.findByRole('table', { name: '2 messaggi' })
    await user.click(screen.getByRole('link', { name: 'Non riusciti' }))
    await screen.findByRole('table', { name: '1 messaggio non riuscito' })
    expect(screen.getByRole('link', { name: 'Non riusciti' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    const last = requests.filter((r) => r.path === '/api/v1/admin/mail-outbox').at(-1)
    expect(new URLSearchParams(last?.query)).toEqual(
      new URLSearchParams({ status: 'failed', page: '1', per_page: '50' }),
    )
  })

  it('puts a failed mail back in the queue and says so', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const user = userEvent.setup()
    renderWithProviders(<MailOutboxPage />, '/backoffice/posta')
    const table = await screen.findByRole('table', { name: '2 messaggi' })
    expect(within(table).getAllByRole('button')).toHaveLength(1)
    await user.click(
      within(table).getByRole('button', { name: "Ritenta l'invio Il suo certificato" }),
    )
    const done = await screen.findByText(
      /Il messaggio «Il suo certificato» è stato rimesso in coda/,
    )
    expect(done.closest('[role="status"]')).toHaveFocus()
    expect(requests.filter((r) => r.path.endsWith('/retry'))).toHaveLength(1)
    expect(await within(table).findByText(/prossimo tentativo il/)).toBeInTheDocument()
  })

  it('offers no retry without the permission to manage mail', async () => {
    signIn(mailReader)
    backEnd()
    renderWithProviders(<MailOutboxPage />, '/backoffice/posta')
    const table = await screen.findByRole('table', { name: '2 messaggi' })
    expect(within(table).queryByRole('button')).toBeNull()
    expect(within(table).queryByRole('columnheader', { name: 'Azione' })).toBeNull()
  })

  it("shows the server's refusal of a retry", async () => {
    signIn(adminClaims)
    backEnd({
      [RETRY]: () =>
        problem(409, {
          code: 'mail_not_failed',
          detail: "Si può ritentare solo l'invio di un messaggio non riuscito.",
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<MailOutboxPage />, '/backoffice/posta')
    await user.click(await screen.findByRole('button', { name: /Ritenta l'invio/ }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Non è stato possibile rimettere in coda il messaggio.')
    expect(alert).toHaveTextContent(/solo l'invio di un messaggio non riuscito/)
  })
})
