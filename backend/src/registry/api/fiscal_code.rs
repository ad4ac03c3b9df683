//! Codice fiscale validation for anyone: the rules live in `domain::fiscal_code`,
//! this module only speaks HTTP and both languages.

use actix_web::{post, web, HttpRequest};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::i18n::Lang;
use crate::registry::places;
use crate::registry::rules::fiscal_code::{describe, FiscalCode, FiscalCodeError};
use crate::registry::rules::sex::Sex;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateFiscalCodeRequest {
    /// The code to check; case and spaces do not matter.
    #[schema(example = "RSSMRA85T10H501O")]
    pub fiscal_code: String,
}

#[derive(Serialize, ToSchema)]
pub struct FiscalCodeValidation {
    #[schema(required = true)]
    pub valid: bool,
    /// Uppercase, without spaces; null when the code is not well formed.
    #[schema(required = true, example = "RSSMRA85T10H501O")]
    pub normalized: Option<String>,
    #[schema(required = true)]
    pub sex: Option<Sex>,
    #[schema(required = true, example = "1985-12-10")]
    pub birth_date: Option<NaiveDate>,
    /// Belfiore (cadastral) code of the birthplace.
    #[schema(required = true, example = "H501")]
    pub birth_place_code: Option<String>,
    #[schema(required = true, example = "Roma")]
    pub birth_place_name: Option<String>,
    /// How many digits were replaced by letters to resolve a collision (0 to 7).
    #[schema(required = true, example = 0)]
    pub omocodia_level: Option<u8>,
    /// Why the code is not valid; empty when it is.
    #[schema(required = true)]
    pub problems: Vec<FiscalCodeProblem>,
}

#[derive(Serialize, ToSchema)]
pub struct FiscalCodeProblem {
    /// Stable code of the broken rule, e.g. `check_character`.
    #[schema(example = "check_character")]
    pub code: String,
    pub message: String,
}

/// Checks a codice fiscale: characters per position, month, day, check character,
/// omocodia, and that the birthplace code exists; decodes sex, birth date and place.
/// An invalid code is a 200 answer with `valid: false` and the reasons.
#[utoipa::path(
    tag = "tools",
    request_body = ValidateFiscalCodeRequest,
    responses(
        (status = 200, body = FiscalCodeValidation),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
        (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/codice-fiscale/validate")]
pub async fn validate_fiscal_code(
    req: HttpRequest,
    body: Json<ValidateFiscalCodeRequest>,
) -> Result<web::Json<FiscalCodeValidation>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let today = chrono::Local::now().date_naive();
    Ok(web::Json(validate(&body.0.fiscal_code, today, lang)))
}

pub fn validate(input: &str, today: NaiveDate, lang: Lang) -> FiscalCodeValidation {
    let invalid = |errors: Vec<FiscalCodeError>, normalized: Option<String>| FiscalCodeValidation {
        valid: false,
        normalized,
        sex: None,
        birth_date: None,
        birth_place_code: None,
        birth_place_name: None,
        omocodia_level: None,
        problems: errors
            .iter()
            .map(|e| FiscalCodeProblem {
                code: e.code().to_owned(),
                message: describe(e).get(lang).to_owned(),
            })
            .collect(),
    };
    let code = match FiscalCode::parse(input) {
        Ok(code) => code,
        Err(error) => return invalid(vec![error], None),
    };
    let decoded = match code.decode(today) {
        Ok(decoded) => decoded,
        Err(error) => return invalid(vec![error], Some(code.as_str().to_owned())),
    };
    let Some(place) = places::by_code_at(&decoded.birth_place_code, decoded.birth_date) else {
        return invalid(
            vec![FiscalCodeError::InvalidBirthPlaceCode],
            Some(code.as_str().to_owned()),
        );
    };
    FiscalCodeValidation {
        valid: true,
        normalized: Some(code.as_str().to_owned()),
        sex: Some(decoded.sex),
        birth_date: Some(decoded.birth_date),
        birth_place_code: Some(decoded.birth_place_code.clone()),
        birth_place_name: Some(place.name.clone()),
        omocodia_level: Some(decoded.omocodia_level),
        problems: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    #[test]
    fn decodes_a_valid_code_with_the_place_name() {
        let result = validate(" rssmra85t10h501o ", today(), Lang::It);
        assert!(
            result.valid,
            "{:?}",
            result.problems.first().map(|p| &p.message)
        );
        assert_eq!(result.normalized.as_deref(), Some("RSSMRA85T10H501O"));
        assert_eq!(result.birth_place_name.as_deref(), Some("Roma"));
        assert_eq!(result.sex, Some(Sex::M));
    }

    #[test]
    fn explains_a_wrong_check_character_in_both_languages() {
        let it = validate("RSSMRA85T10H501Z", today(), Lang::It);
        assert!(!it.valid);
        assert_eq!(it.problems[0].code, "check_character");
        assert!(it.problems[0].message.contains("atteso O"));
        let en = validate("RSSMRA85T10H501Z", today(), Lang::En);
        assert!(en.problems[0].message.contains("expected O"));
    }

    #[test]
    fn rejects_an_unknown_birthplace() {
        let data = crate::registry::rules::fiscal_code::PersonalData {
            surname: "Rossi",
            name: "Mario",
            sex: Sex::M,
            birth_date: NaiveDate::from_ymd_opt(1985, 12, 10).unwrap_or_default(),
            birth_place_code: "A000",
        };
        let code = FiscalCode::compute(&data)
            .map(|c| c.as_str().to_owned())
            .unwrap_or_default();
        let result = validate(&code, today(), Lang::En);
        assert!(!result.valid);
        assert_eq!(result.problems[0].code, "invalid_birth_place_code");
    }
}
