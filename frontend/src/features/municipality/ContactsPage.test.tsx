import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi } from '@/test/mockApi'
import { renderWithProviders } from '@/test/render'
import { ContactsPage } from './pages/ContactsPage'
import { PrivacyPage } from './pages/PrivacyPage'

describe('municipality pages', () => {
  it('shows the office contacts and the opening hours of the whole week', async () => {
    mockApi()
    renderWithProviders(<ContactsPage />)

    const table = await screen.findByRole('table', { name: /Orari di apertura/ })
    const row = (day: string) =>
      within(table).getByRole('rowheader', { name: day }).closest('tr')?.textContent
    expect(row('Lunedì')).toContain('08:30–12:30')
    expect(row('Mercoledì')).toContain('08:30–12:30 e 14:30–17:00')
    expect(row('Martedì')).toContain('Chiuso')
    expect(screen.getByRole('link', { name: 'anagrafe@comune.valdoria.example' })).toHaveAttribute(
      'href',
      'mailto:anagrafe@comune.valdoria.example',
    )
  })

  it('names the controller and the DPO in the privacy notice', async () => {
    mockApi()
    renderWithProviders(<PrivacyPage />)

    expect(
      await screen.findByText(
        /Titolare del trattamento dei dati personali è il Comune di Valdoria/,
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'dpo@comune.valdoria.example' })).toHaveAttribute(
      'href',
      'mailto:dpo@comune.valdoria.example',
    )
    expect(screen.getByText(/art\. 6, paragrafo 1, lettera c/)).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: "Diritti dell'interessato" })).toBeInTheDocument()
  })
})
