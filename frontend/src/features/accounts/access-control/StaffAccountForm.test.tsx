import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { adminUser, auditorsGroup, operatorUser, operatorsGroup } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import { UsersPage } from './pages/UsersPage'

const USERS = 'GET /api/v1/admin/users'
const CREATE = 'POST /api/v1/admin/users'

const newOperator = {
  ...operatorUser,
  id: 'acc-new',
  username: 'l.bianchi',
  name: 'Lucia',
  surname: 'Bianchi',
  email: 'l.bianchi@comune.example.it',
  groups: ['grp-revisori'],
}

function backEnd(create: NonNullable<Parameters<typeof mockApi>[0]>[string]) {
  return mockApi({
    [USERS]: () => json([adminUser]),
    'GET /api/v1/admin/groups': () => json([operatorsGroup, auditorsGroup]),
    [CREATE]: create,
  })
}

async function openForm() {
  const user = userEvent.setup()
  renderWithProviders(<UsersPage />, '/backoffice/utenti')
  await screen.findByRole('table', { name: '1 utente' })
  await user.click(screen.getByRole('button', { name: 'Nuovo account del personale' }))
  const form = screen.getByRole('region', { name: 'Nuovo account del personale' })
  return { user, form }
}

describe('back office: a new staff account', () => {
  it('checks the required fields and the user name before sending, tying each error to its field', async () => {
    signIn(adminClaims)
    const { requests } = backEnd(() => json(newOperator, 201))
    const { user, form } = await openForm()
    expect(within(form).getByRole('heading', { name: 'Nuovo account del personale' })).toHaveFocus()

    await user.type(within(form).getByRole('textbox', { name: /Nome utente/ }), 'L Bianchi')
    await user.click(within(form).getByRole('button', { name: "Crea l'account e invia l'invito" }))

    const username = within(form).getByRole('textbox', { name: /Nome utente/ })
    expect(username).toHaveAttribute('aria-invalid', 'true')
    expect(username).toHaveAccessibleDescription(/Il nome utente deve avere da 3 a 32 caratteri/)
    expect(username).toHaveFocus()
    expect(within(form).getByRole('textbox', { name: 'Nome' })).toHaveAccessibleDescription(
      'Campo obbligatorio.',
    )
    expect(within(form).getByRole('textbox', { name: /Indirizzo e-mail/ })).toBeRequired()
    expect(requests.some((r) => `${r.method} ${r.path}` === CREATE)).toBe(false)
  })

  it('sends the account, shows the server’s refusal on the user name, then confirms the invitation and opens the record', async () => {
    signIn(adminClaims)
    let attempts = 0
    const { requests } = backEnd(() =>
      ++attempts === 1
        ? problem(409, {
            code: 'username_taken',
            detail: 'Il nome utente è già usato da un altro account: sceglierne un altro.',
          })
        : json(newOperator, 201),
    )
    const { user, form } = await openForm()
    await user.type(within(form).getByRole('textbox', { name: /Nome utente/ }), 'l.bianchi')
    await user.type(within(form).getByRole('textbox', { name: 'Nome' }), 'Lucia')
    await user.type(within(form).getByRole('textbox', { name: /Cognome/ }), 'Bianchi')
    await user.type(
      within(form).getByRole('textbox', { name: /Indirizzo e-mail/ }),
      'l.bianchi@comune.example.it',
    )
    await user.click(within(form).getByRole('checkbox', { name: 'Revisori' }))
    const submit = within(form).getByRole('button', { name: "Crea l'account e invia l'invito" })
    await user.click(submit)

    expect(
      await within(form).findByText(
        'Il nome utente è già usato da un altro account: sceglierne un altro.',
      ),
    ).toBeInTheDocument()
    expect(within(form).getByRole('textbox', { name: /Nome utente/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await user.click(submit)

    const status = await screen.findByText(
      /Account di Lucia Bianchi creato con il nome utente l\.bianchi/,
    )
    expect(status).toHaveTextContent(
      "L'invito a scegliere la password è stato inviato a l.bianchi@comune.example.it.",
    )
    expect(screen.queryByRole('region', { name: 'Nuovo account del personale' })).toBeNull()
    expect(screen.getByRole('region', { name: 'Scheda di Bianchi Lucia' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Nuovo account del personale' })).toBeInTheDocument()
    const sent = requests.filter((r) => `${r.method} ${r.path}` === CREATE).at(-1)
    expect(sent?.body).toEqual({
      username: 'l.bianchi',
      name: 'Lucia',
      surname: 'Bianchi',
      email: 'l.bianchi@comune.example.it',
      role: 'operator',
      group_ids: ['grp-revisori'],
    })
  })
})
