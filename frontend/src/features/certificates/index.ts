// What the application shell may use from this feature: the citizen's certificates, the
// office's list of issued certificates, the public verification.
export { MyCertificatesPage } from './citizen/pages/MyCertificatesPage'
export { NewCertificatePage } from './citizen/pages/NewCertificatePage'
export { CertificateOfficePage } from './office/pages/CertificateOfficePage'
export { SealVerificationPage } from './verification/pages/SealVerificationPage'
export { VerifyPage } from './verification/pages/VerifyPage'
