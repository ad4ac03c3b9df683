import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { auditActions, auditEntry, citizenUser, operatorsGroup } from '@/test/fixtures'
import { json, mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { adminClaims, issued, operatorClaims, restoringSession } from '@/test/session'
import { AppRoutes } from '../routes'

const ADMIN_PAGES = {
  'GET /api/v1/admin/accounts': () => json({ accounts: [] }),
  'GET /api/v1/admin/users': () => json([citizenUser]),
  'GET /api/v1/admin/groups': () => json([operatorsGroup]),
  'GET /api/v1/admin/audit-log': () =>
    json({ entries: [auditEntry], page: 1, per_page: 50, total: 1 }),
  'GET /api/v1/admin/audit-log/actions': () => json(auditActions),
  'GET /api/v1/certificates': () => json({ items: [] }),
  'GET /api/v1/admin/clients': () => json({ items: [] }),
  'GET /api/v1/admin/webhooks': () => json({ items: [] }),
}

function sectionNav() {
  return screen.findByRole('navigation', { name: 'Back office' })
}

function linkNames(nav: HTMLElement) {
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent)
}

describe('back-office navigation', () => {
  it('shows administrators every section, the current one marked', async () => {
    mockApi({ ...restoringSession(adminClaims), ...ADMIN_PAGES })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice/utenti')
    const nav = await sectionNav()
    expect(linkNames(nav)).toEqual([
      'Identificazione allo sportello',
      'Certificati rilasciati',
      'Utenti',
      'Gruppi e permessi',
      'Applicazioni',
      'Webhook',
      'Registro degli accessi',
      'Posta in uscita',
    ])
    expect(within(nav).getByRole('link', { name: 'Utenti' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await user.click(within(nav).getByRole('link', { name: 'Registro degli accessi' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registro degli accessi' }),
    ).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Registro degli accessi' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  it('shows operators only what their permissions open, and refuses the rest', async () => {
    mockApi({ ...restoringSession(operatorClaims), ...ADMIN_PAGES })
    renderWithProviders(<AppRoutes />, '/backoffice/gruppi')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
    expect(linkNames(await sectionNav())).toEqual([
      'Identificazione allo sportello',
      'Certificati rilasciati',
      'Registro degli accessi',
    ])
  })

  it('opens the issued certificates to those who may read the registry', async () => {
    mockApi({ ...restoringSession(operatorClaims), ...ADMIN_PAGES })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice')
    const nav = await sectionNav()
    await user.click(within(nav).getByRole('link', { name: 'Certificati rilasciati' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Certificati rilasciati' }),
    ).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Certificati rilasciati' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  it('neither lists nor opens the issued certificates without registry.read', async () => {
    mockApi({
      ...restoringSession({ ...operatorClaims, perms: ['accounts.identify', 'audit.read'] }),
      ...ADMIN_PAGES,
    })
    renderWithProviders(<AppRoutes />, '/backoffice/certificati')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
    expect(linkNames(await sectionNav())).toEqual([
      'Identificazione allo sportello',
      'Registro degli accessi',
    ])
  })

  it('opens the third-party applications to those who may manage them', async () => {
    mockApi({ ...restoringSession(adminClaims), ...ADMIN_PAGES })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice/utenti')
    const nav = await sectionNav()
    await user.click(within(nav).getByRole('link', { name: 'Applicazioni' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Applicazioni' }),
    ).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Applicazioni' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(await screen.findByText('Nessuna applicazione registrata.')).toBeInTheDocument()
  })

  it('opens the webhooks to those who may manage the applications', async () => {
    mockApi({ ...restoringSession(adminClaims), ...ADMIN_PAGES })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/backoffice/applicazioni')
    const nav = await sectionNav()
    await user.click(within(nav).getByRole('link', { name: 'Webhook' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Webhook' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Webhook' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    expect(await screen.findByText('Nessun webhook registrato.')).toBeInTheDocument()
  })

  it('neither lists nor opens the third-party applications without clients.manage', async () => {
    mockApi({
      ...restoringSession({ ...adminClaims, perms: ['accounts.manage', 'groups.manage'] }),
      ...ADMIN_PAGES,
    })
    renderWithProviders(<AppRoutes />, '/backoffice/applicazioni')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
    expect(linkNames(await sectionNav())).toEqual(['Utenti', 'Gruppi e permessi'])
  })

  it('neither lists nor opens the webhooks without clients.manage', async () => {
    mockApi({
      ...restoringSession({ ...adminClaims, perms: ['accounts.manage', 'groups.manage'] }),
      ...ADMIN_PAGES,
    })
    renderWithProviders(<AppRoutes />, '/backoffice/webhook')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
    expect(linkNames(await sectionNav())).not.toContain('Webhook')
  })

  it('takes staff who cannot identify people from /backoffice to their first section', async () => {
    mockApi({
      ...restoringSession({ ...operatorClaims, perms: ['audit.read'] }),
      ...ADMIN_PAGES,
    })
    renderWithProviders(<AppRoutes />, '/backoffice')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Registro degli accessi' }),
    ).toBeInTheDocument()
  })

  it('has no sections for citizens', async () => {
    mockApi(restoringSession())
    renderWithProviders(<AppRoutes />, '/backoffice/registro-accessi')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Accesso non consentito' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Back office' })).toBeNull()
  })

  it('lands an administrator on the users after the login', async () => {
    mockApi({ 'POST /api/v1/auth/login': () => json(issued(adminClaims)), ...ADMIN_PAGES })
    const user = userEvent.setup()
    renderWithProviders(<AppRoutes />, '/accedi')
    await user.type(await screen.findByRole('textbox', { name: /Identificativo utente/ }), 'admin')
    await user.type(screen.getByLabelText(/^Password/), 'Amministra2026')
    await user.click(screen.getByRole('button', { name: 'Accedi' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Profilazione utenti' }),
    ).toBeInTheDocument()
  })
})
