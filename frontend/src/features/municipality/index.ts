// What the application shell may use from this feature.
export { useMunicipality } from './api/useMunicipality'
export type { Municipality, Office } from './api/useMunicipality'
export { OfficeContacts } from './components/OfficeContacts'
export { AccessibilityPage } from './pages/AccessibilityPage'
export { ContactsPage } from './pages/ContactsPage'
export { LegalNotesPage } from './pages/LegalNotesPage'
export { PrivacyPage } from './pages/PrivacyPage'
