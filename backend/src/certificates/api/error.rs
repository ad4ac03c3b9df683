//! The one place where the certificates feature's errors become HTTP answers.

use crate::certificates::keyring::KeyringError;
use crate::certificates::Error;
use crate::platform::http::error::ApiError;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::Invalid(fields) => ApiError::Validation(fields),
            Error::PersonNotFound => ApiError::NotFound,
            Error::NotEligible { reason, .. } => ApiError::unprocessable("not_eligible", reason),
            Error::RequesterNotResident => ApiError::forbidden(
                "not_resident",
                "I certificati per terze persone sono riservati ai residenti del Comune: il suo nominativo non risulta iscritto nell'anagrafe della popolazione residente.",
                "Certificates about other people are for residents only: the municipal registry does not list you as a resident.",
            ),
            Error::Throttled(throttled) => throttled.into(),
            Error::StampAlreadyUsed => ApiError::conflict(
                "stamp_already_used",
                "Questa marca da bollo è già stata utilizzata per un altro certificato: ogni marca vale per un solo certificato.",
                "This revenue stamp has already been used for another certificate: each stamp pays for one certificate only.",
            ),
            Error::Creation(creation) => creation.into(),
            Error::Db(db) => db.into(),
            Error::Keyring(_) | Error::Document(_) => ApiError::internal(error),
        }
    }
}

impl From<KeyringError> for ApiError {
    fn from(error: KeyringError) -> ApiError {
        ApiError::internal(error)
    }
}
