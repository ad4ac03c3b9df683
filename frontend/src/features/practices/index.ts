// What the application shell may use from this feature.
export { NewPracticePage } from './pages/NewPracticePage'
export { OfficePracticePage } from './pages/OfficePracticePage'
export { OfficeQueuePage } from './pages/OfficeQueuePage'
export { PracticePage } from './pages/PracticePage'
export { PracticesPage } from './pages/PracticesPage'
