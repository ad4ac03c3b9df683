//! Online practices (SPEC §6): a request the citizen prepares in steps and submits, the
//! office works, and — for the change of residence — that changes the registry when
//! approved. See `docs/practices.md`.

pub mod api;
pub mod drafts;
pub mod error;
pub mod files;
pub mod office;
pub mod receipt;
pub mod rules;
pub mod silence;
pub mod store;
pub mod submission;
pub mod transitions;

pub use error::Error;
