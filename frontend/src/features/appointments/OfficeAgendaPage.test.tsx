import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { OfficeAgendaPage } from './pages/OfficeAgendaPage'
import type { Appointment } from './api/types'
import { agenda, appointment, availability, desks } from './testData'

const clerk = { ...operatorClaims, perms: ['appointments.manage'] }
const DAY = '2026-12-14'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-14T08:00:00'))
})

afterEach(() => {
  vi.useRealTimers()
})

function office(extra: NonNullable<Parameters<typeof mockApi>[0]> = {}) {
  const state: { items: Appointment[] } = {
    items: [
      appointment(),
      appointment({
        id: 'ap-2',
        code: 'B2C3D4',
        person: { fiscal_code: 'BNCLRA90A41H501X', surname: 'Bianchi', name: 'Laura' },
      }),
    ],
  }
  const api = mockApi({
    'GET /api/v1/desks': () => json({ items: desks }),
    [`GET /api/v1/desks/d1/agenda`]: () => json(agenda(DAY, state.items)),
    'GET /api/v1/desks/d1/availability': (request) => {
      const url = new URL(request.url)
      return json(availability(url.searchParams.get('from')!, url.searchParams.get('to')!))
    },
    ...extra,
  })
  return { ...api, state }
}

describe("the office's agenda", () => {
  it('records attendance and cancels with a required reason', async () => {
    signIn(clerk)
    const { requests, state } = office({
      'POST /api/v1/appointments/ap-1/attendance': () => {
        state.items[0] = appointment({ state: 'attended', state_label: 'Presentato' })
        return json(state.items[0])
      },
      'DELETE /api/v1/appointments/ap-2': () => {
        state.items[1] = { ...state.items[1]!, state: 'cancelled', state_label: 'Annullato' }
        return json(state.items[1])
      },
    })
    const user = userEvent.setup()
    renderWithProviders(<OfficeAgendaPage />, '/backoffice/appuntamenti')
    expect(await screen.findByRole('combobox', { name: 'Sportello' })).toHaveValue('d1')
    expect(screen.getByLabelText('Giorno')).toHaveValue(DAY)
    expect(screen.getByRole('button', { name: 'Stampa' })).toBeInTheDocument()
    const table = await screen.findByRole('table', { name: '2 appuntamenti' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]).toHaveTextContent('Rossi Mario')
    expect(requests.find((r) => r.path.endsWith('/agenda'))?.query).toBe(`date=${DAY}`)

    await user.click(
      within(rows[0]!).getByRole('button', { name: 'Presentato – appuntamento K7Q4M2' }),
    )
    expect(await screen.findByText('Appuntamento K7Q4M2: presentato.')).toBeVisible()
    expect(requests.find((r) => r.path.endsWith('/attendance'))?.body).toEqual({ attended: true })
    expect(
      await within(screen.getByRole('table')).findByRole('cell', { name: 'Presentato' }),
    ).toBeInTheDocument()

    const second = within(screen.getByRole('table')).getAllByRole('row')[2]!
    await user.click(within(second).getByRole('button', { name: 'Annulla – appuntamento B2C3D4' }))
    const form = screen.getByRole('form', { name: "Annulla l'appuntamento B2C3D4" })
    expect(within(form).getByRole('heading')).toHaveFocus()
    await user.click(within(form).getByRole('button', { name: "Annulla l'appuntamento" }))
    const reason = within(form).getByRole('textbox', { name: /Motivo dell'annullamento/ })
    expect(reason).toHaveFocus()
    expect(reason).toHaveAccessibleDescription(/Indica il motivo dell'annullamento/)
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false)
    await user.type(reason, 'Sportello chiuso per guasto')
    await user.click(within(form).getByRole('button', { name: "Annulla l'appuntamento" }))
    expect(await screen.findByText('Appuntamento B2C3D4 annullato.')).toBeVisible()
    const deleted = requests.find((r) => r.method === 'DELETE')
    expect(deleted?.path).toBe('/api/v1/appointments/ap-2')
    expect(new URLSearchParams(deleted?.query).get('reason')).toBe('Sportello chiuso per guasto')
  })

  it('finds a booking by code and books for a citizen', async () => {
    signIn(clerk)
    const { requests } = office({
      'GET /api/v1/appointments': () => json({ items: [appointment()], total: 1 }),
      'POST /api/v1/appointments': () =>
        json(appointment({ id: 'ap-9', code: 'Z9Y8X7', booked_by: 'office' }), 201),
    })
    const user = userEvent.setup()
    renderWithProviders(<OfficeAgendaPage />, '/backoffice/appuntamenti')
    await screen.findByRole('table', { name: '2 appuntamenti' })

    await user.type(screen.getByRole('searchbox', { name: /Codice di prenotazione/ }), 'k7q4m2')
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    const found = await screen.findByRole('table', { name: '1 appuntamento trovato' })
    expect(found).toHaveTextContent('RSSMRA85T10H501O')
    expect(requests.find((r) => r.path === '/api/v1/appointments')?.query).toBe('q=K7Q4M2')

    await user.click(screen.getByRole('button', { name: 'Prenota per un cittadino' }))
    const form = await screen.findByRole('form', {
      name: 'Prenotazione per lunedì 14 dicembre 2026',
    })
    await within(form).findByRole('option', { name: '08:30–08:50 (2 posti liberi)' })
    await user.click(within(form).getByRole('button', { name: 'Conferma' }))
    expect(within(form).getByRole('textbox', { name: /Codice fiscale/ })).toHaveFocus()
    await user.type(
      within(form).getByRole('textbox', { name: /Codice fiscale/ }),
      'vrdgpp70a01h501z',
    )
    await user.type(within(form).getByRole('textbox', { name: /Cognome/ }), 'Verdi')
    await user.type(within(form).getByRole('textbox', { name: /^Nome/ }), 'Giuseppe')
    await user.selectOptions(
      within(form).getByRole('combobox', { name: /^Ora/ }),
      '2026-12-14T08:50:00+01:00',
    )
    await user.selectOptions(
      within(form).getByRole('combobox', { name: /^Argomento/ }),
      'Certificati',
    )
    await user.click(within(form).getByRole('button', { name: 'Conferma' }))
    expect(await screen.findByRole('heading', { name: 'Appuntamento prenotato' })).toBeVisible()
    expect(screen.getAllByText('Z9Y8X7').length).toBeGreaterThan(0)
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      desk_id: 'd1',
      starts_at: '2026-12-14T08:50:00+01:00',
      topic: 'Certificati',
      notes: '',
      fiscal_code: 'VRDGPP70A01H501Z',
      surname: 'Verdi',
      name: 'Giuseppe',
      email: null,
      phone: null,
    })
  })

  it('shows why the agenda could not be read', async () => {
    signIn(clerk)
    office({
      'GET /api/v1/desks/d1/agenda': () =>
        problem(403, { title: 'Vietato', detail: 'Permesso mancante.' }),
    })
    renderWithProviders(<OfficeAgendaPage />, '/backoffice/appuntamenti')
    expect(await screen.findByText('Permesso mancante.')).toBeVisible()
  })
})
