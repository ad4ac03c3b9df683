import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { i18nReady } from '@/i18n'
import './styles/main.scss'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
