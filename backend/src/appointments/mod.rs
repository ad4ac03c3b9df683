//! Appointments at the office's desks (SPEC §7): desks as data, their free slots, bookings
//! that never exceed the places, the office's agenda, the reminder the day before. See
//! `docs/appointments.md`.

pub mod api;
pub mod booking;
pub mod demo;
pub mod desks;
pub mod error;
pub mod notices;
pub mod office;
pub mod reminders;
pub mod rules;
pub mod store;

pub use error::Error;
