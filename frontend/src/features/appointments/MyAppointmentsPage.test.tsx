import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { MyAppointmentsPage } from './pages/MyAppointmentsPage'
import { appointment } from './testData'

describe('"I miei appuntamenti"', () => {
  it('lists the bookings and cancels one after a confirmation', async () => {
    signIn()
    let current = appointment()
    const past = appointment({
      id: 'ap-2',
      code: 'P3X9Z1',
      date: '2026-11-02',
      state: 'attended',
      state_label: 'Presentato',
      can_cancel: false,
    })
    const { requests } = mockApi({
      'GET /api/v1/appointments': () => json({ items: [current, past], total: 2 }),
      'DELETE /api/v1/appointments/ap-1': () => {
        current = appointment({
          state: 'cancelled',
          state_label: 'Annullato',
          can_cancel: false,
          cancelled_at: '2026-12-06T11:00:00Z',
        })
        return json(current)
      },
    })
    const user = userEvent.setup()
    renderWithProviders(<MyAppointmentsPage />, '/appuntamenti')
    expect(screen.getByRole('heading', { level: 1, name: 'I miei appuntamenti' })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Prenota un appuntamento' })).toHaveAttribute(
      'href',
      '/appuntamenti/prenota',
    )
    const table = await screen.findByRole('table', { name: '2 appuntamenti' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('K7Q4M2')
    expect(rows[0]).toHaveTextContent('lunedì 14 dicembre 2026 alle 08:30')
    expect(rows[0]).toHaveTextContent('Prenotato')

    // A past appointment has no cancellation.
    await user.click(within(rows[1]!).getByRole('button', { name: /^Dettagli/ }))
    expect(await screen.findByRole('heading', { name: 'Appuntamento P3X9Z1' })).toHaveFocus()
    expect(screen.queryByRole('button', { name: 'Annulla appuntamento' })).toBeNull()

    await user.click(
      within(rows[0]!).getByRole('button', { name: "Dettagli dell'appuntamento K7Q4M2" }),
    )
    const panel = await screen.findByRole('region', { name: 'Appuntamento K7Q4M2' })
    expect(panel).toHaveTextContent('Piazza del Municipio, 1 - piano terra, sportello 2')
    expect(within(panel).getByRole('button', { name: 'Scarica .ics' })).toBeInTheDocument()
    await user.click(within(panel).getByRole('button', { name: 'Annulla appuntamento' }))
    expect(
      within(panel).getByText(
        /Vuoi annullare l'appuntamento del lunedì 14 dicembre 2026 alle 08:30/,
      ),
    ).toHaveFocus()
    await user.click(within(panel).getByRole('button', { name: "Sì, annulla l'appuntamento" }))

    expect(await screen.findByText("L'appuntamento K7Q4M2 è stato annullato.")).toBeVisible()
    const after = within(screen.getByRole('table')).getAllByRole('row')[1]!
    expect(after).toHaveTextContent('Annullato')
    expect(requests.find((r) => r.method === 'DELETE')?.path).toBe('/api/v1/appointments/ap-1')
    expect(screen.queryByRole('button', { name: 'Annulla appuntamento' })).toBeNull()
  })
})
