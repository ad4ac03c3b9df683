//! What can go wrong in the certificates feature, in its own words.

use crate::certificates::keyring::KeyringError;
use crate::platform::creation::CreationError;
use crate::platform::db::DbError;
use crate::platform::i18n::Text;
use crate::platform::throttle::{ThrottleError, Throttled};
use crate::platform::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Fields of the request break the rules; each is named.
    #[error("invalid request: {0:?}")]
    Invalid(Vec<FieldError>),
    /// No such person, or one the requester may not ask about: the same answer, so
    /// that nobody learns who is in the registry.
    #[error("person not found")]
    PersonNotFound,
    /// The person cannot have this certificate (a married person's stato libero…).
    #[error("not eligible: {code}")]
    NotEligible { code: &'static str, reason: Text },
    /// A certificate about a third person, asked by someone who is not a resident: the
    /// online service for third persons is for residents (seed 001 §3).
    #[error("the requester is not a resident")]
    RequesterNotResident,
    /// The requester's quota of requests about third persons (look-ups and
    /// certificates together) is used up for now.
    #[error(transparent)]
    Throttled(#[from] Throttled),
    /// The marca da bollo paid for another certificate already.
    #[error("stamp already used")]
    StampAlreadyUsed,
    #[error(transparent)]
    Creation(#[from] CreationError),
    #[error(transparent)]
    Keyring(#[from] KeyringError),
    /// The document could not be made (randomness, PDF, signature).
    #[error("document: {0}")]
    Document(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl Error {
    pub fn field(field: &str, it: &str, en: &str) -> Error {
        Error::Invalid(vec![FieldError::text(field, it, en)])
    }
}

impl From<ThrottleError> for Error {
    fn from(error: ThrottleError) -> Error {
        match error {
            ThrottleError::Throttled(throttled) => Error::Throttled(throttled),
            ThrottleError::Db(db) => Error::Db(db),
        }
    }
}

impl From<crate::registry::Error> for Error {
    fn from(error: crate::registry::Error) -> Error {
        match error {
            crate::registry::Error::NotResident => Error::RequesterNotResident,
            // A certificate is about today's registry, where a resident has a family.
            crate::registry::Error::NoFamilyOn(_) => Error::PersonNotFound,
            crate::registry::Error::Db(db) => Error::Db(db),
        }
    }
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}
