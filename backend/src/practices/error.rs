//! What can go wrong with a practice, in the feature's own words.

use crate::platform::db::DbError;
use crate::platform::validation::FieldError;
use crate::practices::rules::attachments::Refusal;
use crate::practices::rules::lifecycle::{Action, State};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No such practice type.
    #[error("unknown practice type {0}")]
    UnknownType(String),
    /// No such practice, or not one the caller may see.
    #[error("practice not found")]
    NotFound,
    /// The action is not possible in the practice's state (or not for this caller).
    #[error("{action:?} not allowed in state {state:?}")]
    NotNow { action: Action, state: State },
    /// Another device saved the draft since the caller read it.
    #[error("the draft changed since version {0}")]
    StaleDraft(i64),
    /// Submission with fields or documents missing; each is named.
    #[error("the declaration is incomplete: {0:?}")]
    Incomplete(Vec<FieldError>),
    /// A request's own fields are wrong (a message, a reason).
    #[error("invalid request: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The family already has a declaration open.
    #[error("a declaration for this family is already open ({0})")]
    AlreadyOpen(String),
    /// Another operator holds the practice.
    #[error("held by {0}")]
    HeldByAnother(String),
    /// The file is not accepted for that document.
    #[error("attachment refused: {0:?}")]
    Attachment(Refusal),
    #[error("too many attachments")]
    TooManyAttachments,
    #[error("unknown document {0}")]
    UnknownDocument(String),
    /// The registry no longer matches the declaration (e.g. a mover left the family).
    #[error("the registry changed: {0}")]
    RegistryChanged(String),
    /// A resident's declaration must come from the applicant's own account.
    #[error("the caller's account is gone")]
    AccountGone,
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

impl From<crate::registry::moves::MoveError> for Error {
    fn from(error: crate::registry::moves::MoveError) -> Error {
        match error {
            crate::registry::moves::MoveError::RegistryChanged(what) => {
                Error::RegistryChanged(what)
            }
            crate::registry::moves::MoveError::Db(db) => Error::Db(db),
        }
    }
}
