//! What can go wrong with webhook subscriptions, in the feature's words.

use crate::platform::db::DbError;
use crate::platform::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid webhook: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("no such webhook")]
    NotFound,
    #[error("webhook already disabled")]
    AlreadyDisabled,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
