export { ThirdPartyPage } from './pages/ThirdPartyPage'
