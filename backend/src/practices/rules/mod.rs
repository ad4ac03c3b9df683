//! The pure rules of practices: the types as data, the declaration and its checks, the
//! states, the legal clock, attachments, and the registry move an approval makes.

pub mod attachments;
pub mod catalogue;
pub mod clock;
pub mod declaration;
pub mod declaration_check;
pub mod licences;
pub mod lifecycle;
pub mod prefill;
pub mod protocol;
pub mod residence_move;
pub mod steps;
