export { SealVerificationPage } from './pages/SealVerificationPage'
export { VerifyPage } from './pages/VerifyPage'
