// What the application shell may use from this feature.
export { ProfilePage } from './pages/ProfilePage'
