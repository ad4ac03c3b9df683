// What the application shell may use from this feature.
export { FamilyPage } from './pages/FamilyPage'
export { PersonPage } from './pages/PersonPage'
