//! What can go wrong in the registry feature, in its own words.

use crate::platform::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A service for the municipality's residents, asked by someone it does not list.
    #[error("not a resident")]
    NotResident,
    /// The registry places the caller in no family on that day (before they were
    /// registered, or before the family was formed).
    #[error("no family on {0}")]
    NoFamilyOn(chrono::NaiveDate),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
