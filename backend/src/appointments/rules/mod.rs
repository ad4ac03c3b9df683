//! The pure rules of appointments: a desk's configuration, its slots, the booking code,
//! the calendar file.

pub mod code;
pub mod desk;
pub mod ics;
pub mod slots;
