export { HelpPage } from './pages/HelpPage'
export { HowToAccessPage } from './pages/HowToAccessPage'
