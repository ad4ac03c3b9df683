//! What can go wrong with third-party applications, in the feature's words.

use crate::platform::db::DbError;
use crate::platform::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("invalid client data: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("no such client")]
    NotFound,
    #[error("client already revoked")]
    AlreadyRevoked,
    /// A secret asked for a client that authenticates with its keys.
    #[error("the client authenticates with its keys")]
    UsesKeys,
    /// Keys given for a client that authenticates with a secret.
    #[error("the client authenticates with a secret")]
    UsesSecret,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}

/// Why the token endpoint refuses, as RFC 6749 §5.2 names it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("invalid_request: {0}")]
    InvalidRequest(String),
    #[error("invalid_client")]
    InvalidClient,
    #[error("unsupported_grant_type")]
    UnsupportedGrantType,
    #[error("invalid_scope: {0}")]
    InvalidScope(String),
    #[error("server_error: {0}")]
    Server(String),
}

impl From<DbError> for TokenError {
    fn from(error: DbError) -> TokenError {
        TokenError::Server(error.to_string())
    }
}

impl TokenError {
    pub fn code(&self) -> &'static str {
        match self {
            TokenError::InvalidRequest(_) => "invalid_request",
            TokenError::InvalidClient => "invalid_client",
            TokenError::UnsupportedGrantType => "unsupported_grant_type",
            TokenError::InvalidScope(_) => "invalid_scope",
            TokenError::Server(_) => "server_error",
        }
    }
}
