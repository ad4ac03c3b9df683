import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { describe, expect, it } from 'vitest'
import { json, mockApi, problem } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { operatorClaims, signIn } from '@/test/session'
import { OfficePracticePage } from './pages/OfficePracticePage'
import { submitted, types } from './testData'

const PRACTICE = '/api/v1/practices/pr-1'
const clerk = { ...operatorClaims, perms: ['practices.manage'] }

const ACTION_NAMES = [
  'Prendi in carico',
  'Registra (accolta con riserva)',
  'Accogli definitivamente',
  'Richiedi integrazione',
  'Respingi',
]

function backEnd(practice: Record<string, unknown>, extra: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/v1/practice-types': () => json(types),
    [`GET ${PRACTICE}`]: () => json(practice),
    [`GET ${PRACTICE}/history`]: () =>
      json({
        items: [
          {
            at: '2026-12-07T10:00:00Z',
            actor_kind: 'citizen',
            actor_label: 'ROSSI MARIO',
            action: 'submit',
            from_state: 'draft',
            to_state: 'submitted',
            to_state_label: 'Inviata',
            note: null,
          },
        ],
      }),
    ...extra,
  })
}

async function openPractice(practice: Record<string, unknown>, extra = {}) {
  signIn(clerk)
  const api = backEnd(practice, extra)
  const user = userEvent.setup()
  renderWithProviders(
    <Routes>
      <Route path="/backoffice/pratiche/:id" element={<OfficePracticePage />} />
    </Routes>,
    '/backoffice/pratiche/pr-1',
  )
  await screen.findByRole('heading', { level: 1, name: /protocollo n\. 2026\/000123/ })
  return { ...api, user }
}

function offered() {
  const actions = screen.getByRole('region', { name: 'Azioni' })
  return ACTION_NAMES.filter((name) => within(actions).queryByRole('button', { name }))
}

describe('back office: one practice', () => {
  it('offers only the actions the practice allows now', async () => {
    await openPractice({
      ...submitted,
      state: 'in_progress',
      state_label: 'Presa in carico',
      assignee: { id: 'acc-operator', label: 'Operatore Demo' },
      actions: ['register', 'request_integration', 'reject'],
    })
    expect(offered()).toEqual([
      'Registra (accolta con riserva)',
      'Richiedi integrazione',
      'Respingi',
    ])
    expect(screen.getByText('Operatore Demo')).toBeInTheDocument()
    // Everything declared, the files and the history.
    expect(screen.getByRole('rowheader', { name: 'ROSSI MARIO' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Scarica carta-identita.pdf' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Elimina/ })).toBeNull()
    expect(await screen.findByRole('table', { name: 'Storico della pratica' })).toHaveTextContent(
      'Inviata',
    )
  })

  it('offers nothing on a decided practice', async () => {
    await openPractice({
      ...submitted,
      state: 'approved',
      state_label: 'Accolta definitivamente',
      actions: [],
    })
    expect(offered()).toEqual([])
    expect(screen.getByText('Nessuna azione possibile nello stato attuale.')).toBeInTheDocument()
  })

  it('asks the reason before rejecting', async () => {
    const { user, requests } = await openPractice(
      {
        ...submitted,
        state: 'in_progress',
        actions: ['register', 'request_integration', 'reject'],
      },
      {
        [`POST ${PRACTICE}/reject`]: () =>
          json({
            ...submitted,
            state: 'rejected',
            state_label: 'Respinta (irricevibile)',
            actions: [],
          }),
      },
    )
    await user.click(screen.getByRole('button', { name: 'Respingi' }))
    const reason = screen.getByRole('textbox', { name: /Motivo del respingimento/ })
    await user.click(screen.getByRole('button', { name: 'Conferma il respingimento' }))
    expect(reason).toHaveAttribute('aria-invalid', 'true')
    expect(reason).toHaveAccessibleDescription(/Indica il motivo del respingimento\./)
    expect(requests.filter((r) => r.path.endsWith('/reject'))).toHaveLength(0)
    await user.type(reason, 'Documentazione non pertinente')
    await user.click(screen.getByRole('button', { name: 'Conferma il respingimento' }))
    expect(
      await screen.findByText('La dichiarazione è stata respinta. Stato: Respinta (irricevibile).'),
    ).toBeInTheDocument()
    expect(requests.find((r) => r.path.endsWith('/reject'))?.body).toEqual({
      reason: 'Documentazione non pertinente',
    })
    expect(offered()).toEqual([])
  })

  it('shows a refusal (another operator holds it) and stays usable', async () => {
    const { user } = await openPractice(
      { ...submitted, actions: ['take_charge'] },
      {
        [`POST ${PRACTICE}/take-charge`]: () =>
          problem(409, {
            title: 'Pratica già in carico',
            detail: 'La pratica è già in carico a un altro operatore (Bianchi Laura).',
            code: 'practice_taken',
          }),
      },
    )
    await user.click(screen.getByRole('button', { name: 'Prendi in carico' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("L'operazione non è stata eseguita.")
    expect(alert).toHaveTextContent('già in carico a un altro operatore (Bianchi Laura)')
    expect(screen.getByRole('button', { name: 'Prendi in carico' })).toBeEnabled()
  })
})
