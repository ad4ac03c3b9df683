// What the application shell may use from this feature.
export { GroupsPage } from './pages/GroupsPage'
export { UsersPage } from './pages/UsersPage'
