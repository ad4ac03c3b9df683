// What the application shell may use from this feature.
export { BookAppointmentPage } from './pages/BookAppointmentPage'
export { DesksPage } from './pages/DesksPage'
export { MyAppointmentsPage } from './pages/MyAppointmentsPage'
export { OfficeAgendaPage } from './pages/OfficeAgendaPage'
