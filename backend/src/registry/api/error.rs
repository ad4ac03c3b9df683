//! The one place where the registry's errors become HTTP answers.

use crate::platform::http::error::ApiError;
use crate::registry::Error;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::NotResident => ApiError::forbidden(
                "not_resident",
                "Il servizio è riservato ai residenti del Comune: il suo nominativo non risulta iscritto nell'anagrafe della popolazione residente.",
                "This service is for residents only: the municipal registry does not list you as a resident.",
            ),
            Error::Db(db) => db.into(),
        }
    }
}
