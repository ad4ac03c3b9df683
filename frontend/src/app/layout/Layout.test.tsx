import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { AppRoutes } from '../routes'

describe('layout', () => {
  it('shows the municipality in the header and the office and required links in the footer', async () => {
    mockApi()
    renderWithProviders(<AppRoutes />, '/')

    const banner = screen.getByRole('banner')
    expect(await within(banner).findByText('Comune di Valdoria')).toBeInTheDocument()
    expect(within(banner).getByText('Regione Valdoria')).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Menu principale' })).toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main')

    const footer = screen.getByRole('contentinfo')
    const links: [string, string][] = [
      ['Informativa privacy', '/privacy'],
      ['Dichiarazione di accessibilità', '/accessibilita'],
      ['Note legali', '/note-legali'],
      ['Come accedere', '/come-accedere'],
      ['Aiuto e domande frequenti', '/aiuto'],
      ['Contatti e orari', '/contatti'],
    ]
    for (const [name, href] of links) {
      expect(within(footer).getByRole('link', { name })).toHaveAttribute('href', href)
    }
    expect(
      await within(footer).findByRole('link', { name: 'anagrafe@pec.comune.valdoria.example' }),
    ).toHaveAttribute('href', 'mailto:anagrafe@pec.comune.valdoria.example')
    expect(within(footer).getByRole('link', { name: '+39 0123 456789' })).toHaveAttribute(
      'href',
      'tel:+390123456789',
    )
    expect(within(footer).getByText('Piazza del Municipio 1', { exact: false })).toBeInTheDocument()
  })

  it('offers skip links to the content and to the footer', () => {
    mockApi()
    renderWithProviders(<AppRoutes />, '/')
    const skip = screen.getByRole('navigation', { name: 'Collegamenti di accesso rapido' })
    expect(within(skip).getByRole('link', { name: 'Vai al contenuto principale' })).toHaveAttribute(
      'href',
      '#main',
    )
    expect(within(skip).getByRole('link', { name: 'Vai al piè di pagina' })).toHaveAttribute(
      'href',
      '#footer',
    )
    expect(document.getElementById('footer')).toBe(screen.getByRole('contentinfo'))
  })

  it('switches language: texts, <html lang>, the stored choice and Accept-Language', async () => {
    const user = userEvent.setup()
    const { requests } = mockApi()
    renderWithProviders(<AppRoutes />, '/')

    expect(document.documentElement.lang).toBe('it')
    expect(
      screen.getByRole('heading', { level: 1, name: "Servizi online dell'Anagrafe" }),
    ).toBeInTheDocument()
    expect(
      await screen.findByRole('heading', { name: 'Anagrafe e stato civile' }),
    ).toBeInTheDocument()
    expect(requests.every((r) => r.language === 'it')).toBe(true)

    await user.click(screen.getByRole('button', { name: /English/ }))

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Online registry services' }),
    ).toBeInTheDocument()
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('portale.lang')).toBe('en')
    expect(screen.getByRole('button', { name: /English/ })).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('button', { name: /Italiano/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
    expect(
      within(screen.getByRole('contentinfo')).getByRole('link', { name: 'Privacy notice' }),
    ).toBeInTheDocument()
    // The catalogue is fetched again in English.
    expect(
      await screen.findByRole('heading', { name: 'Registry and civil status' }),
    ).toBeInTheDocument()
    await waitFor(() =>
      expect(requests.some((r) => r.path === '/api/v1/services' && r.language === 'en')).toBe(true),
    )
  })

  it('renders a not-found page for an unknown address', async () => {
    mockApi()
    renderWithProviders(<AppRoutes />, '/pagina-che-non-esiste')
    expect(
      screen.getByRole('heading', { level: 1, name: 'Pagina non trovata' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: "Vai all'elenco dei servizi" })).toHaveAttribute(
      'href',
      '/',
    )
    await waitFor(() => expect(document.title).toBe('Pagina non trovata – Servizi Demografici'))
  })
})
