//! Self-declarations (autocertificazioni, art. 46 and 47 D.P.R. 445/2000): the
//! catalogue of forms, the registry's prefill, the printed form and the declarant's
//! archive.

pub mod api;
pub mod create;
pub mod error;
pub mod layout;
pub mod prefill;
pub mod rules;
pub mod store;

pub use error::Error;
