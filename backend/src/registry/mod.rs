//! The municipality's registry (anagrafe): persons, families and their history, places
//! with their cadastral codes, the codice fiscale. `facts` is what other features read
//! about a person.

pub mod api;
pub mod error;
pub mod facts;
pub mod places;
pub mod rules;
pub mod store;

pub use error::Error;
