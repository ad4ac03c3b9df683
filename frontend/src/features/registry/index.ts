// What the application shell may use from this feature: the family record, the codice
// fiscale check, the look-up of persons for third-party certificates.
export { FamilyPage } from './family/pages/FamilyPage'
export { PersonPage } from './family/pages/PersonPage'
export { FiscalCodePage } from './fiscal-code/pages/FiscalCodePage'
export { ThirdPartyPage } from './third-party/pages/ThirdPartyPage'
