import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { auditorsGroup, operatorsGroup, permissionList } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, signIn } from '@/test/session'
import { GroupsPage } from './pages/GroupsPage'

const GROUPS = 'GET /api/v1/admin/groups'
const CREATE = 'POST /api/v1/admin/groups'
const UPDATE = `PATCH /api/v1/admin/groups/${auditorsGroup.id}`
const DELETE = `DELETE /api/v1/admin/groups/${auditorsGroup.id}`

/** A tiny back end keeping the list of groups. */
function backEnd(extra: Parameters<typeof mockApi>[0] = {}) {
  let groups = [operatorsGroup, auditorsGroup]
  return mockApi({
    [GROUPS]: () => json(groups),
    'GET /api/v1/admin/permissions': () => json(permissionList),
    [CREATE]: (_req, body) => {
      const created = { ...(body as object), id: 'grp-new', built_in: false, members: 0 }
      groups = [...groups, created as typeof auditorsGroup]
      return json(created, 201)
    },
    [UPDATE]: (_req, body) => json({ ...auditorsGroup, ...(body as object) }),
    [DELETE]: () => {
      groups = groups.filter((g) => g.id !== auditorsGroup.id)
      return new Response(null, { status: 204 })
    },
    ...extra,
  })
}

async function renderPage() {
  const user = userEvent.setup()
  renderWithProviders(<GroupsPage />, '/backoffice/gruppi')
  const table = await screen.findByRole('table', { name: '2 gruppi' })
  return { user, table }
}

describe('back office: groups and permissions', () => {
  it('lists the groups with their permissions; built-in groups cannot be deleted', async () => {
    signIn(adminClaims)
    backEnd()
    const { table } = await renderPage()
    const builtIn = within(table).getByRole('row', { name: /Operatori anagrafe/ })
    expect(within(builtIn).getByText('Predefinito')).toBeInTheDocument()
    expect(await within(builtIn).findByText('Identificazione allo sportello')).toBeInTheDocument()
    expect(
      within(builtIn).getByRole('button', { name: 'Modifica Operatori anagrafe' }),
    ).toBeVisible()
    expect(within(builtIn).queryByRole('button', { name: /Elimina/ })).toBeNull()
    const custom = within(table).getByRole('row', { name: /Revisori/ })
    expect(within(custom).getByRole('button', { name: 'Elimina Revisori' })).toBeInTheDocument()
  })

  it('creates a group with the permissions ticked, each explained', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: 'Nuovo gruppo' }))
    const form = screen.getByRole('region', { name: 'Nuovo gruppo' })
    expect(within(form).getByRole('heading', { name: 'Nuovo gruppo' })).toHaveFocus()

    await user.click(within(form).getByRole('button', { name: 'Crea il gruppo' }))
    const name = within(form).getByRole('textbox', { name: /Nome del gruppo/ })
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveFocus()
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    await user.type(name, 'Ufficio elettorale')
    await user.type(within(form).getByRole('textbox', { name: 'Descrizione' }), 'Albi e liste')
    const audit = within(form).getByRole('checkbox', {
      name: 'Consultazione del registro delle operazioni',
    })
    expect(audit).toHaveAccessibleDescription(/Consultare ed esportare il registro degli accessi/)
    await user.click(audit)
    await user.click(within(form).getByRole('checkbox', { name: "Consultazione dell'anagrafe" }))
    await user.click(within(form).getByRole('button', { name: 'Crea il gruppo' }))

    expect(
      await screen.findByText('Il gruppo «Ufficio elettorale» è stato creato.'),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'Ufficio elettorale',
      description: 'Albi e liste',
      permissions: ['audit.read', 'registry.read'],
    })
    expect(await screen.findByRole('table', { name: '3 gruppi' })).toBeInTheDocument()
  })

  it('changes a group, and shows a name already taken on the name field', async () => {
    signIn(adminClaims)
    const { requests } = backEnd({
      [UPDATE]: () =>
        problem(409, {
          code: 'group_name_taken',
          detail: 'Esiste già un gruppo con questo nome.',
        }),
    })
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: 'Modifica Revisori' }))
    const form = screen.getByRole('region', { name: 'Modifica del gruppo Revisori' })
    expect(
      within(form).getByRole('checkbox', { name: 'Consultazione del registro delle operazioni' }),
    ).toBeChecked()
    const name = within(form).getByRole('textbox', { name: /Nome del gruppo/ })
    await user.clear(name)
    await user.type(name, 'Operatori anagrafe')
    await user.click(within(form).getByRole('button', { name: 'Salva le modifiche' }))
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription(/Esiste già un gruppo con questo nome/)
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      name: 'Operatori anagrafe',
      description: 'Controllo interno',
      permissions: ['audit.read'],
    })
  })

  it('deletes a group only after a confirmation naming its members', async () => {
    signIn(adminClaims)
    const { requests } = backEnd()
    const { user } = await renderPage()
    await user.click(screen.getByRole('button', { name: 'Elimina Revisori' }))
    const question = screen.getByRole('group', { name: 'Vuoi eliminare il gruppo «Revisori»?' })
    expect(within(question).getByText(/I 2 componenti ne usciranno/)).toBeInTheDocument()
    await user.click(within(question).getByRole('button', { name: 'Annulla' }))
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Elimina Revisori' })).toHaveFocus(),
    )
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Elimina Revisori' }))
    await user.click(screen.getByRole('button', { name: 'Sì, elimina il gruppo' }))
    expect(await screen.findByText('Il gruppo «Revisori» è stato eliminato.')).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: '1 gruppo' })).toBeInTheDocument()
  })
})
