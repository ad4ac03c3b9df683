//! What can go wrong in the registry feature, in its own words.

use crate::platform::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A service for the municipality's residents, asked by someone it does not list.
    #[error("not a resident")]
    NotResident,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
