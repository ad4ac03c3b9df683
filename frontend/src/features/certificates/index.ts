// What the application shell may use from this feature.
export { MyCertificatesPage } from './pages/MyCertificatesPage'
export { NewCertificatePage } from './pages/NewCertificatePage'
