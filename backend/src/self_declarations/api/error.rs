//! The one place where the self-declarations' errors become HTTP answers.

use crate::platform::auth::Refusal;
use crate::platform::http::error::ApiError;
use crate::self_declarations::Error;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::Invalid(fields) => ApiError::Validation(fields),
            Error::AccountGone => Refusal::InvalidToken.into(),
            Error::Creation(creation) => creation.into(),
            Error::Db(db) => db.into(),
            Error::Document(_) => ApiError::internal(error),
        }
    }
}
