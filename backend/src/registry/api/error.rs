//! The one place where the registry's errors become HTTP answers.

use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;
use crate::registry::Error;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::NotResident => ApiError::forbidden(
                "not_resident",
                "Il servizio è riservato ai residenti del Comune: il suo nominativo non risulta iscritto nell'anagrafe della popolazione residente.",
                "This service is for residents only: the municipal registry does not list you as a resident.",
            ),
            Error::NoFamilyOn(date) => {
                let day = date.format("%d/%m/%Y");
                ApiError::not_found_because(
                    "no_family_on_date",
                    Text::new(
                        format!("Al {day} l'anagrafe non la registra in una famiglia del Comune: indicare una data successiva all'iscrizione anagrafica o alla costituzione della famiglia."),
                        format!("On {day} the registry lists you in no family of the municipality: choose a date after your registration or after the family was formed."),
                    ),
                )
            }
            Error::Db(db) => db.into(),
        }
    }
}
