// What the application shell may use from this feature.
export { BackOfficePage } from './pages/BackOfficePage'
