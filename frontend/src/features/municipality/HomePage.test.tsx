import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { citizenProfile, servicesIt } from '@/test/fixtures'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { HomePage } from './pages/HomePage'

function card(title: string): HTMLElement {
  const article = screen.getByRole('heading', { level: 3, name: title }).closest('article')
  if (!article) throw new Error(`no card for ${title}`)
  return article
}

describe('service catalogue', () => {
  it('groups the services by thematic area', async () => {
    mockApi()
    renderWithProviders(<HomePage />)

    const registry = await screen.findByRole('region', { name: 'Anagrafe e stato civile' })
    const electoral = screen.getByRole('region', { name: 'Servizi elettorali' })
    expect(
      within(registry)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Scheda persona', 'Verifica codice fiscale'])
    expect(
      within(electoral)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Iscrizione all’Albo degli scrutatori'])
  })

  it('links an available service to its page', async () => {
    mockApi()
    renderWithProviders(<HomePage />)
    await screen.findByRole('region', { name: 'Anagrafe e stato civile' })

    const available = card('Verifica codice fiscale')
    expect(
      within(available).getByRole('link', { name: 'Verifica codice fiscale' }),
    ).toHaveAttribute('href', '/strumenti/codice-fiscale')
    expect(within(available).queryByText('Non ancora disponibile online')).toBeNull()
    expect(within(available).queryByText('Solo residenti')).toBeNull()
  })

  it('shows a service not yet online as a card without a link, with its badges', async () => {
    mockApi()
    renderWithProviders(<HomePage />)
    await screen.findByRole('region', { name: 'Anagrafe e stato civile' })

    const unavailable = card('Scheda persona')
    expect(within(unavailable).queryByRole('link')).toBeNull()
    expect(within(unavailable).getByText('Non ancora disponibile online')).toBeInTheDocument()
    expect(within(unavailable).getByText('Solo residenti')).toBeInTheDocument()
    expect(within(unavailable).getByText('Accesso richiesto')).toBeInTheDocument()
    expect(
      within(unavailable).getByText('La scheda anagrafica della famiglia con i suoi componenti.'),
    ).toBeInTheDocument()
  })

  it('shows the problem detail and the request id when the catalogue fails', async () => {
    mockApi({
      'GET /api/v1/services': () =>
        problem(503, {
          title: 'Service Unavailable',
          detail: 'Il servizio è momentaneamente non disponibile.',
          code: 'unavailable',
          request_id: 'req-42',
        }),
    })
    renderWithProviders(<HomePage />)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Il servizio è momentaneamente non disponibile.')
    expect(alert).toHaveTextContent('req-42')
  })

  describe('services for residents', () => {
    // The family record is online here, so that closing it is visible.
    const online = {
      areas: servicesIt.areas.map((area) => ({
        ...area,
        services: area.services.map((service) =>
          service.code === 'scheda-persona'
            ? { ...service, available: true, path: '/famiglia' }
            : service,
        ),
      })),
    }

    it('are closed, with the reason, to a citizen who is not resident', async () => {
      signIn()
      mockApi({
        'GET /api/v1/services': () => json(online),
        'GET /api/v1/me': () => json({ ...citizenProfile, resident: false }),
      })
      renderWithProviders(<HomePage />)
      expect(
        await screen.findByRole('heading', { level: 2, name: 'Non risulti residente nel Comune' }),
      ).toBeInTheDocument()
      const closed = card('Scheda persona')
      expect(within(closed).queryByRole('link')).toBeNull()
      expect(within(closed).getByText('Riservato ai residenti')).toBeInTheDocument()
      expect(closed).toHaveAccessibleDescription(/riservato ai cittadini residenti nel Comune/)
      // Services open to everyone stay open.
      expect(
        within(card('Verifica codice fiscale')).getByRole('link', {
          name: 'Verifica codice fiscale',
        }),
      ).toBeInTheDocument()
    })

    it('are open to a resident citizen, and shown as they are to staff', async () => {
      signIn()
      mockApi({
        'GET /api/v1/services': () => json(online),
        'GET /api/v1/me': () => json(citizenProfile),
      })
      const { unmount } = renderWithProviders(<HomePage />)
      await screen.findByRole('heading', { level: 3, name: 'Scheda persona' })
      expect(
        await within(card('Scheda persona')).findByRole('link', { name: 'Scheda persona' }),
      ).toHaveAttribute('href', '/famiglia')
      expect(screen.queryByText('Non risulti residente nel Comune')).toBeNull()
      unmount()

      signIn(operatorClaims)
      mockApi({
        'GET /api/v1/services': () => json(online),
        'GET /api/v1/me': () => json({ ...citizenProfile, resident: false }),
      })
      renderWithProviders(<HomePage />)
      await screen.findByRole('heading', { level: 3, name: 'Scheda persona' })
      expect(
        within(card('Scheda persona')).getByRole('link', { name: 'Scheda persona' }),
      ).toBeInTheDocument()
      expect(screen.queryByText('Riservato ai residenti')).toBeNull()
    })
  })
})
