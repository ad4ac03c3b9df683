export { FiscalCodePage } from './pages/FiscalCodePage'
