//! What can go wrong with a self-declaration, in the feature's own words.

use crate::platform::creation::CreationError;
use crate::platform::db::DbError;
use crate::platform::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Fields of the declaration break the form's rules; each is named.
    #[error("invalid declaration: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The declarant's account no longer exists (the session outlived it).
    #[error("declarant's account not found")]
    AccountGone,
    #[error(transparent)]
    Creation(#[from] CreationError),
    /// The form could not be made (randomness, PDF, serialisation).
    #[error("document: {0}")]
    Document(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
