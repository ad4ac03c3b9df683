import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nextProvider } from 'react-i18next'
import { Link, MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import i18n from '@/i18n'
import { FlashMessage } from './FlashMessage'

function HistoryState() {
  const { state } = useLocation()
  return <pre data-testid="history-state">{JSON.stringify(state)}</pre>
}

function renderAt(state: unknown) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[{ pathname: '/profilo', state }]}>
        <FlashMessage />
        <HistoryState />
        <Routes>
          <Route path="/profilo" element={<Link to="/altro">Altra pagina</Link>} />
          <Route path="/altro" element={<h1>Altra pagina</h1>} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  )
}

describe('flash message', () => {
  it('shows the message once: it leaves the history entry, so a reload does not repeat it', async () => {
    renderAt({ flash: 'passwordChanged', from: '/certificati' })
    expect(screen.getByRole('status')).toHaveTextContent('La nuova password è stata salvata')
    const history = screen.getByTestId('history-state')
    await waitFor(() => expect(history).toHaveTextContent('{"from":"/certificati"}'))
    expect(screen.getByRole('status')).toHaveTextContent('La nuova password è stata salvata')

    await userEvent.setup().click(screen.getByRole('link', { name: 'Altra pagina' }))
    expect(await screen.findByRole('heading', { name: 'Altra pagina' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })
})
