//! The tables of practices: the practices, their history, their files and the protocol
//! counter.

pub mod attachments;
pub mod events;
pub mod practices;
pub mod protocol;
pub mod queue;
