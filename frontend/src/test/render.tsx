import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { QueryClientProvider } from '@tanstack/react-query'
import { type InitialEntry, MemoryRouter } from 'react-router'
import i18n from '@/i18n'
import { createQueryClient } from '@/lib/queryClient'

/**
 * Renders an element with the application's providers, at `path` (an address, or a location
 * with its history state), without retries.
 */
export function renderWithProviders(element: ReactElement, path: InitialEntry = '/') {
  const queryClient = createQueryClient({ retry: false })
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  )
}
