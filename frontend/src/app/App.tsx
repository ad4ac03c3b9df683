import { useState } from 'react'
import { BrowserRouter } from 'react-router'
import { createQueryClient } from '@/lib/queryClient'
import { Providers } from './Providers'
import { AppRoutes } from './routes'

export function App() {
  const [queryClient] = useState(() => createQueryClient())
  return (
    <Providers queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  )
}
