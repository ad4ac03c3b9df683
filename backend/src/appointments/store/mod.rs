//! The tables of appointments.

pub mod appointments;
pub mod desks;
pub mod slots;
