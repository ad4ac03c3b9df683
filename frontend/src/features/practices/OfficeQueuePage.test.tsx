import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { json, mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { OfficeQueuePage } from './pages/OfficeQueuePage'
import { summary } from './testData'

const clerk = { ...operatorClaims, perms: ['practices.manage'] }

const late = summary({
  id: 'pr-2',
  protocol: '2026/000124',
  applicant: { surname: 'VERDI', name: 'LUCA', fiscal_code: 'VRDLCU80A01H501X' },
  deadlines: {
    registration_due: '2026-12-03',
    decision_due: '2027-01-15',
    registration_overdue: true,
    decision_overdue: false,
  },
})
const onTime = summary({
  state: 'in_progress',
  state_label: 'Presa in carico',
  assignee: { id: 'acc-operator', label: 'Operatore Demo' },
})

function backEnd() {
  return mockApi({
    'GET /api/v1/practices': () =>
      json({
        items: [late, onTime],
        total: 2,
        counts: [
          { state: 'submitted', label: 'Inviata', count: 1 },
          { state: 'in_progress', label: 'Presa in carico', count: 1 },
        ],
      }),
  })
}

async function openQueue(path = '/backoffice/pratiche') {
  signIn(clerk)
  const api = backEnd()
  const user = userEvent.setup()
  renderWithProviders(<OfficeQueuePage />, path)
  const table = await screen.findByRole('table', { name: /2 pratiche/ })
  return { ...api, user, table }
}

const rowOf = (protocol: string) =>
  screen.getByRole('rowheader', { name: protocol }).closest('tr') as HTMLElement

describe('back office: the practices queue', () => {
  it('marks overdue deadlines in words, not colour alone', async () => {
    await openQueue()
    const overdue = rowOf('2026/000124')
    expect(overdue).toHaveClass('practice-overdue')
    expect(overdue).toHaveTextContent('registrazione: 03/12/2026 – scaduta')
    expect(overdue).toHaveTextContent('accertamenti: 15/01/2027')
    expect(overdue).toHaveTextContent('VERDI LUCA')
    expect(overdue).toHaveTextContent('nessuno')
    const fine = rowOf('2026/000123')
    expect(fine).not.toHaveClass('practice-overdue')
    expect(fine).not.toHaveTextContent('scaduta')
    expect(fine).toHaveTextContent('Operatore Demo')
    expect(within(fine).getByRole('link', { name: '2026/000123' })).toHaveAttribute(
      'href',
      '/backoffice/pratiche/pr-1',
    )
  })

  it('counts per state as filters, and searches overdue ones by surname', async () => {
    const { user, requests } = await openQueue('/backoffice/pratiche?stato=in_progress')
    const states = screen.getByRole('navigation', { name: 'Pratiche per stato' })
    expect(within(states).getByRole('link', { name: 'Tutte 2' })).toBeInTheDocument()
    expect(within(states).getByRole('link', { name: 'Presa in carico 1' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    const first = requests.find((r) => r.path === '/api/v1/practices')
    expect(new URLSearchParams(first?.query).get('state')).toBe('in_progress')

    await user.type(screen.getByRole('searchbox', { name: /Protocollo, codice fiscale/ }), 'Verdi')
    await user.click(screen.getByRole('checkbox', { name: 'Solo con termini scaduti' }))
    await user.click(screen.getByRole('button', { name: 'Cerca' }))
    await screen.findByRole('table', { name: /2 pratiche/ })
    const last = requests.filter((r) => r.path === '/api/v1/practices').at(-1)
    const query = new URLSearchParams(last?.query)
    expect(query.get('q')).toBe('Verdi')
    expect(query.get('overdue')).toBe('true')
    expect(query.get('state')).toBe('in_progress')
  })
})
