// What the application shell may use from this feature.
export { CertificateOfficePage } from './pages/CertificateOfficePage'
