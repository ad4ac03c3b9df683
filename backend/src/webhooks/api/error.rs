//! The one place where the webhooks feature's errors become HTTP answers.

use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;
use crate::webhooks::Error;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::Invalid(fields) => ApiError::Validation(fields),
            Error::NotFound => ApiError::NotFound,
            Error::AlreadyDisabled => ApiError::Conflict {
                code: "webhook_disabled",
                detail: Text::new(
                    "Il webhook è disattivato: per riprendere le consegne occorre registrarlo di nuovo.",
                    "The webhook is disabled: register it again to resume deliveries.",
                ),
            },
            Error::Db(db) => db.into(),
        }
    }
}
