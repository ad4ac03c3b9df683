import { render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import i18n from '@/i18n'
import { FlashMessage } from './FlashMessage'

describe('flash message', () => {
  it('is shown, and leaves the browser history entry so that a reload does not repeat it', async () => {
    window.history.replaceState(
      { usr: { flash: 'passwordChanged', from: '/certificati' }, key: 'k1', idx: 0 },
      '',
      '/profilo',
    )
    const view = render(
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <FlashMessage />
        </BrowserRouter>
      </I18nextProvider>,
    )
    expect(screen.getByRole('status')).toHaveTextContent('La nuova password è stata salvata')
    await waitFor(() =>
      expect(window.history.state).toMatchObject({ usr: { from: '/certificati' }, key: 'k1' }),
    )
    expect(window.history.state.usr).not.toHaveProperty('flash')
    expect(screen.getByRole('status')).toHaveTextContent('La nuova password è stata salvata')

    // The reload: the router reads the entry again.
    view.unmount()
    render(
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <FlashMessage />
        </BrowserRouter>
      </I18nextProvider>,
    )
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })
})
