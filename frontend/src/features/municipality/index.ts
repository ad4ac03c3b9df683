// What the application shell may use from this feature: the municipality's data, the home
// page with the service catalogue, the help and information pages.
export { useMunicipality } from './api/useMunicipality'
export type { Municipality, Office } from './api/useMunicipality'
export { OfficeContacts } from './components/OfficeContacts'
export { AccessibilityPage } from './pages/AccessibilityPage'
export { ContactsPage } from './pages/ContactsPage'
export { HelpPage } from './pages/HelpPage'
export { HomePage } from './pages/HomePage'
export { HowToAccessPage } from './pages/HowToAccessPage'
export { LegalNotesPage } from './pages/LegalNotesPage'
export { PrivacyPage } from './pages/PrivacyPage'
