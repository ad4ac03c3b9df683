//! The municipality's registry (anagrafe): persons, families and their history, places
//! with their cadastral codes, the codice fiscale. `facts` is what other features read
//! about a person.

pub mod api;
pub mod checks;
pub mod error;
pub mod facts;
pub mod moves;
pub mod places;
pub mod rules;
pub mod store;
pub mod third_party;

pub use error::Error;

// What other features may use of the registry's tables; the rest of `store` is the
// registry's own.
pub use store::families::{
    family_of_person_at, find_person_by_fiscal_code, FamilyAtDate, PersonRow,
};
pub use store::persons::{family_id_at, find as find_person, of_account as person_of_account};
/// The street list, which practices check addresses against.
pub use store::streets;

/// The kind of [`PersonId`]: a person in the registry (not an account).
pub enum Person {}
pub type PersonId = crate::platform::id::Id<Person>;
