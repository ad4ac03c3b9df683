import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { DesksPage } from './pages/DesksPage'
import { desk, desks } from './testData'

const clerk = { ...operatorClaims, perms: ['appointments.manage'] }

describe('the desks of the office', () => {
  it('sends the edited desk and shows the server field errors on their fields', async () => {
    signIn(clerk)
    const { requests } = mockApi({
      'GET /api/v1/desks': () => json({ items: desks }),
      'PUT /api/v1/desks/d1': () =>
        problem(422, {
          title: 'Dati non validi',
          detail: 'Alcuni campi non sono validi.',
          errors: [
            { field: 'slot_minutes', message: 'La durata deve essere tra 5 e 240 minuti.' },
            { field: 'hours[1].closes', message: 'La chiusura deve seguire l’apertura.' },
          ],
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<DesksPage />, '/backoffice/sportelli')
    const table = await screen.findByRole('table', { name: '2 sportelli' })
    await user.click(within(table).getByRole('button', { name: 'Modifica lo sportello Anagrafe' }))
    const form = screen.getByRole('form', { name: 'Modifica dello sportello Anagrafe' })
    expect(within(form).getByRole('heading')).toHaveFocus()
    expect(within(form).getByRole('textbox', { name: /^Argomenti/ })).toHaveValue(
      'Cambio di residenza\nCertificati',
    )
    await user.click(within(form).getByRole('button', { name: 'Aggiungi una fascia oraria' }))
    await user.selectOptions(
      within(form).getAllByRole('combobox', { name: 'Giorno' })[1]!,
      'mercoledì',
    )
    const minutes = within(form).getByRole('spinbutton', { name: /Durata di un appuntamento/ })
    await user.clear(minutes)
    await user.type(minutes, '500')
    await user.click(within(form).getByRole('button', { name: 'Salva' }))

    expect(await within(form).findByText('La durata deve essere tra 5 e 240 minuti.')).toBeVisible()
    expect(minutes).toHaveAttribute('aria-invalid', 'true')
    expect(minutes).toHaveAccessibleDescription('La durata deve essere tra 5 e 240 minuti.')
    const closes = within(form).getAllByLabelText('Chiusura')[1]!
    expect(closes).toHaveAccessibleDescription('La chiusura deve seguire l’apertura.')
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      name: 'Anagrafe',
      area: 'anagrafe',
      location: 'Piazza del Municipio, 1 - piano terra, sportello 2',
      topics: ['Cambio di residenza', 'Certificati'],
      hours: [
        { weekday: 1, opens: '08:30', closes: '12:30' },
        { weekday: 3, opens: '14:30', closes: '16:30' },
      ],
      slot_minutes: 500,
      places_per_slot: 2,
      horizon_days: 60,
      min_notice_hours: 24,
      cancel_notice_hours: 24,
      max_active_per_citizen: 2,
      active: true,
    })
  })

  it('creates a desk and adds a closure to it', async () => {
    signIn(clerk)
    const created = desk({ id: 'd3', name: 'Elettorale', area: 'elettorale', topics: [] })
    let list = desks
    const { requests } = mockApi({
      'GET /api/v1/desks': () => json({ items: list }),
      'POST /api/v1/desks': () => {
        list = [...desks, created]
        return json(created, 201)
      },
      'POST /api/v1/desks/d3/closures': () => {
        list = [
          ...desks,
          {
            ...created,
            closures: [{ id: 'c1', from: '2026-12-24', to: '2026-12-24', reason: 'Vigilia' }],
          },
        ]
        return json(list[2], 201)
      },
    })
    const user = userEvent.setup()
    renderWithProviders(<DesksPage />, '/backoffice/sportelli')
    await screen.findByRole('table', { name: '2 sportelli' })
    await user.click(screen.getByRole('button', { name: 'Nuovo sportello' }))
    const form = screen.getByRole('form', { name: 'Nuovo sportello' })
    await user.type(within(form).getByRole('textbox', { name: /^Nome/ }), 'Elettorale')
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Area/ }), 'Elettorale')
    await user.type(within(form).getByRole('textbox', { name: /^Luogo/ }), 'Piano primo')
    await user.type(within(form).getByRole('textbox', { name: /^Argomenti/ }), 'Tessera elettorale')
    await user.click(within(form).getByRole('button', { name: 'Salva' }))
    expect(await screen.findByText('Sportello «Elettorale» salvato.')).toBeVisible()
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      name: 'Elettorale',
      area: 'elettorale',
      topics: ['Tessera elettorale'],
      active: true,
    })

    const closures = await screen.findByRole('region', { name: 'Chiusure' })
    await user.type(within(closures).getByLabelText(/^Dal/), '2026-12-24')
    await user.type(within(closures).getByRole('textbox', { name: /^Motivo/ }), 'Vigilia')
    await user.click(within(closures).getByRole('button', { name: 'Aggiungi chiusura' }))
    expect(await within(closures).findByText('Chiusura aggiunta.')).toBeVisible()
    expect(
      await within(closures).findByRole('button', {
        name: 'Rimuovi la chiusura dal 24/12/2026 al 24/12/2026',
      }),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.path === '/api/v1/desks/d3/closures')?.body).toEqual({
      from: '2026-12-24',
      to: '2026-12-24',
      reason: 'Vigilia',
    })
  })
})
