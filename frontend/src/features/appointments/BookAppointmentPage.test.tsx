import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { signIn } from '@/test/session'
import { BookAppointmentPage } from './pages/BookAppointmentPage'
import { appointment, availability, desks } from './testData'

function availabilityHandler(deskId: string) {
  return (request: Request) => {
    const url = new URL(request.url)
    return json(availability(url.searchParams.get('from')!, url.searchParams.get('to')!, deskId))
  }
}

function api(extra: NonNullable<Parameters<typeof mockApi>[0]> = {}) {
  return mockApi({
    'GET /api/v1/desks': () => json({ items: desks }),
    'GET /api/v1/desks/d1/availability': availabilityHandler('d1'),
    'GET /api/v1/desks/d2/availability': availabilityHandler('d2'),
    ...extra,
  })
}

beforeEach(() => {
  // Wednesday 9 December 2026; only Date is faked, so that user events run.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-12-09T10:00:00'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the calendar of "Prenota appuntamento"', () => {
  it('is an ARIA grid of the month with the bookable days as named buttons', async () => {
    signIn()
    const { requests } = api()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    expect(screen.getByRole('heading', { level: 1, name: 'Prenota appuntamento' })).toBeVisible()
    expect(await screen.findByRole('combobox', { name: 'Sportello selezionato' })).toHaveValue('d1')
    const grid = screen.getByRole('grid', { name: 'dicembre 2026' })
    expect(within(grid).getAllByRole('row')).toHaveLength(6)
    expect(within(grid).getAllByRole('columnheader')[0]).toHaveTextContent('lunedì')
    const monday = await within(grid).findByRole('button', {
      name: 'lunedì 14 dicembre 2026, prenota appuntamento, 3 posti liberi',
    })
    expect(monday).toHaveAttribute('tabindex', '-1')
    expect(within(grid).getAllByRole('button', { name: /prenota appuntamento/ })).toHaveLength(9)
    expect(within(grid).getAllByText('Chiuso')).toHaveLength(4)
    const range = requests.find((r) => r.path === '/api/v1/desks/d1/availability')
    expect(range?.query).toBe('from=2026-12-01&to=2026-12-31')
  })

  it('moves the focus with the arrow keys, Home and End, into the next month too', async () => {
    signIn()
    api()
    const user = userEvent.setup()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    const today = await screen.findByRole('button', { name: /^mercoledì 9 dicembre 2026/ })
    expect(today).toHaveAttribute('tabindex', '0')
    await user.click(screen.getByRole('combobox', { name: 'Sportello selezionato' }))
    await user.tab()
    await user.tab()
    // The view buttons, then the grid's one focusable day.
    for (let i = 0; i < 4; i += 1) await user.tab()
    expect(today).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(
      screen.getByRole('gridcell', { name: 'giovedì 10 dicembre 2026, non prenotabile' }),
    ).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(
      screen.getByRole('gridcell', { name: 'giovedì 17 dicembre 2026, non prenotabile' }),
    ).toHaveFocus()
    await user.keyboard('{Home}')
    expect(screen.getByRole('button', { name: /^lunedì 14 dicembre 2026/ })).toHaveFocus()
    await user.keyboard('{End}')
    const sunday = screen.getByRole('gridcell', { name: 'domenica 20 dicembre 2026, chiuso' })
    expect(sunday).toHaveFocus()
    expect(sunday).toHaveAttribute('tabindex', '0')
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(await screen.findByRole('grid', { name: 'gennaio 2027' })).toBeInTheDocument()
    expect(screen.getByRole('gridcell', { name: /domenica 3 gennaio 2027/ })).toHaveFocus()
  })

  it('switches between month, week and day', async () => {
    signIn()
    const { requests } = api()
    const user = userEvent.setup()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    await screen.findByRole('grid')
    const month = screen.getByRole('button', { name: 'Mese' })
    expect(month).toHaveAttribute('aria-pressed', 'true')

    await user.click(screen.getByRole('button', { name: 'Settimana' }))
    expect(screen.getByRole('button', { name: 'Settimana' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    const week = await screen.findByRole('table', {
      name: /^Orari disponibili da lunedì 7 dicembre 2026 a domenica 13/,
    })
    expect(week).toBeInTheDocument()
    expect(screen.queryByRole('grid')).toBeNull()
    expect(
      within(week).getByRole('button', { name: 'lunedì 7 dicembre 2026, 08:30, 2 posti liberi' }),
    ).toBeInTheDocument()
    expect(requests.some((r) => r.query === 'from=2026-12-07&to=2026-12-13')).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Giorno' }))
    const list = await screen.findByRole('list', {
      name: 'Orari disponibili per mercoledì 9 dicembre 2026',
    })
    expect(within(list).getAllByRole('button')).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: 'Giorno successivo' }))
    expect(await screen.findByText('Nessun orario disponibile in questo giorno.')).toBeVisible()
  })

  it('reads the availability again when the desk changes', async () => {
    signIn()
    const { requests } = api()
    const user = userEvent.setup()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    await screen.findByRole('button', { name: /^lunedì 14 dicembre 2026/ })
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sportello selezionato' }),
      'Stato civile',
    )
    await screen.findByRole('button', { name: /^lunedì 14 dicembre 2026/ })
    expect(requests.filter((r) => r.path === '/api/v1/desks/d2/availability')).toHaveLength(1)
  })
})

describe('booking a day', () => {
  it('sends the slot, topic and notes once and shows the booking code', async () => {
    signIn()
    const keys: Array<string | null> = []
    const { requests } = api({
      'POST /api/v1/appointments': (request) => {
        keys.push(request.headers.get('idempotency-key'))
        return json(appointment(), 201)
      },
    })
    const user = userEvent.setup()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    await user.click(await screen.findByRole('button', { name: /^lunedì 14 dicembre 2026/ }))
    const form = await screen.findByRole('form', {
      name: 'Prenotazione per lunedì 14 dicembre 2026',
    })
    expect(within(form).getByRole('heading')).toHaveFocus()
    const time = within(form).getByRole('combobox', { name: /^Ora/ })
    await within(form).findByRole('option', { name: '08:30–08:50 (2 posti liberi)' })
    await user.selectOptions(time, '2026-12-14T08:30:00+01:00')
    await user.selectOptions(
      within(form).getByRole('combobox', { name: /^Argomento/ }),
      'Certificati',
    )
    await user.type(within(form).getByRole('textbox', { name: /^Note/ }), 'Due certificati')
    await user.click(within(form).getByRole('button', { name: 'Conferma' }))

    expect(await screen.findByRole('heading', { name: 'Appuntamento prenotato' })).toHaveFocus()
    expect(screen.getAllByText('K7Q4M2').length).toBeGreaterThan(0)
    expect(screen.getByRole('link', { name: 'I miei appuntamenti' })).toHaveAttribute(
      'href',
      '/appuntamenti',
    )
    expect(screen.getByRole('button', { name: 'Scarica .ics' })).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      desk_id: 'd1',
      starts_at: '2026-12-14T08:30:00+01:00',
      topic: 'Certificati',
      notes: 'Due certificati',
    })
    expect(keys[0]).toBeTruthy()
  })

  it('says so when the place has just gone, reads the free places again and keeps the form', async () => {
    signIn()
    const { requests } = api({
      'POST /api/v1/appointments': () =>
        problem(409, {
          title: 'Posto esaurito',
          detail: 'Il posto non è più disponibile.',
          code: 'slot_full',
        }),
    })
    const user = userEvent.setup()
    renderWithProviders(<BookAppointmentPage />, '/appuntamenti/prenota')
    await user.click(await screen.findByRole('button', { name: 'Settimana' }))
    await user.click(
      await screen.findByRole('button', {
        name: 'mercoledì 9 dicembre 2026, 08:50, 1 posto libero',
      }),
    )
    const form = await screen.findByRole('form', {
      name: 'Prenotazione per mercoledì 9 dicembre 2026',
    })
    await within(form).findByRole('option', { name: '08:50–09:10 (1 posto libero)' })
    expect(within(form).getByRole('combobox', { name: /^Ora/ })).toHaveValue(
      '2026-12-09T08:50:00+01:00',
    )
    await user.selectOptions(
      within(form).getByRole('combobox', { name: /^Argomento/ }),
      'Certificati',
    )
    await user.type(within(form).getByRole('textbox', { name: /^Note/ }), 'Urgente')
    const before = requests.filter((r) => r.path.endsWith('/availability')).length
    await user.click(within(form).getByRole('button', { name: 'Conferma' }))

    const alert = await within(form).findByRole('alert')
    expect(alert).toHaveTextContent('Il posto scelto non è più disponibile')
    expect(alert).toHaveTextContent('Il posto delle 08:50 è stato appena prenotato')
    expect(requests.filter((r) => r.path.endsWith('/availability')).length).toBeGreaterThan(before)
    expect(within(form).getByRole('textbox', { name: /^Note/ })).toHaveValue('Urgente')
    expect(within(form).getByRole('combobox', { name: /^Argomento/ })).toHaveValue('Certificati')
    expect(screen.queryByRole('heading', { name: 'Appuntamento prenotato' })).toBeNull()
  })
})
