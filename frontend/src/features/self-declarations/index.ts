// What the application shell may use from this feature.
export { NewSelfDeclarationPage } from './pages/NewSelfDeclarationPage'
export { SelfDeclarationsPage } from './pages/SelfDeclarationsPage'
