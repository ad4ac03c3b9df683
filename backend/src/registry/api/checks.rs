//! `POST /api/v1/registry/checks`: a third-party application confirms a declaration.

use actix_web::{post, web, HttpRequest};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::Origin;
use crate::platform::auth::ClientCaller;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;
use crate::registry::checks::{self, CheckRequest};
use crate::registry::rules::checks::Declared;
use crate::registry::rules::fiscal_code::FiscalCode;
use crate::registry::rules::vocabulary::CivilStatus;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "fiscal_code": "RSSMRA85T10H501O",
    "purpose": "Controllo a campione della dichiarazione sostitutiva di residenza (art. 71 D.P.R. 445/2000), pratica 2026/123",
    "reference": "2026/123",
    "declared": {"resident": true, "address": {"street": "Via Giuseppe Garibaldi", "house_number": "12"}}
}))]
pub struct RegistryCheckRequest {
    /// The codice fiscale of the person who made the declaration.
    pub fiscal_code: String,
    /// The legal purpose of the check (10 to 500 characters): recorded, and shown to the
    /// person.
    pub purpose: String,
    /// The asking administration's own reference (a file or protocol number).
    pub reference: Option<String>,
    pub declared: DeclaredFacts,
}

/// What the person declared; give only what is to be checked (at least one fact).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredFacts {
    /// Resident in the municipality.
    pub resident: Option<bool>,
    pub address: Option<DeclaredAddress>,
    /// The codici fiscali of the other members of the family, in any order.
    pub family_members: Option<Vec<String>>,
    pub civil_status: Option<CivilStatus>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredAddress {
    #[schema(example = "Via Giuseppe Garibaldi")]
    pub street: String,
    #[schema(example = "12")]
    pub house_number: String,
}

/// One answer per fact declared: `true` when the registry confirms it, `false` when it
/// does not (also when the person is unknown); a fact not declared is absent.
#[derive(Serialize, ToSchema)]
pub struct RegistryCheckResult {
    pub fiscal_code: String,
    pub checked_at: DateTime<Utc>,
    /// Every fact declared is confirmed.
    pub all_confirmed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resident: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family_members: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub civil_status: Option<bool>,
}

/// Checks a person's declaration against the registry (art. 43 and 71 D.P.R. 445/2000).
///
/// For third-party applications with the scope `registry:check`. The answer says, for
/// each fact declared, whether the registry confirms it today — nothing else about the
/// person. The check is audit-logged with the application, its organisation and the
/// purpose, and the person sees it in "Chi ha consultato i miei dati".
#[utoipa::path(
    tag = "registry",
    security(("oauth2" = ["registry:check"])),
    request_body = RegistryCheckRequest,
    responses(
        (status = 200, body = RegistryCheckResult),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
        (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[post("/registry/checks")]
pub async fn check_declaration(
    req: HttpRequest,
    state: web::Data<AppState>,
    client: ClientCaller,
    body: Json<RegistryCheckRequest>,
) -> Result<web::Json<RegistryCheckResult>, ApiError> {
    let body = body.0;
    let request = validated(body)?;
    let origin = Origin::from_request(&req);
    let fiscal_code = request.fiscal_code.clone();
    let outcome = state
        .db
        .run(move |conn| checks::check(conn, &origin, &client, &request))
        .await?;
    Ok(web::Json(RegistryCheckResult {
        fiscal_code,
        checked_at: Utc::now(),
        all_confirmed: outcome.all_confirmed(),
        resident: outcome.resident,
        address: outcome.address,
        family_members: outcome.family_members,
        civil_status: outcome.civil_status,
    }))
}

fn validated(body: RegistryCheckRequest) -> Result<CheckRequest, ApiError> {
    let mut errors = Vec::new();
    let fiscal_code = FiscalCode::parse(&body.fiscal_code.trim().to_ascii_uppercase());
    if fiscal_code.is_err() {
        errors.push(FieldError::new(
            "fiscal_code",
            Text::new("Codice fiscale non valido.", "Not a valid tax code."),
        ));
    }
    let purpose = body.purpose.trim().to_owned();
    if !(10..=500).contains(&purpose.chars().count()) {
        errors.push(FieldError::new(
            "purpose",
            Text::new(
                "Indicare la finalità del controllo e la norma che lo consente (da 10 a 500 caratteri).",
                "State the purpose of the check and the law that allows it (10 to 500 characters).",
            ),
        ));
    }
    if body
        .reference
        .as_ref()
        .is_some_and(|r| r.chars().count() > 100)
    {
        errors.push(FieldError::new(
            "reference",
            Text::new("Al massimo 100 caratteri.", "At most 100 characters."),
        ));
    }
    let declared = &body.declared;
    if declared.resident.is_none()
        && declared.address.is_none()
        && declared.family_members.is_none()
        && declared.civil_status.is_none()
    {
        errors.push(FieldError::new(
            "declared",
            Text::new(
                "Indicare almeno un dato dichiarato da controllare.",
                "Give at least one declared fact to check.",
            ),
        ));
    }
    if declared
        .family_members
        .as_ref()
        .is_some_and(|m| m.len() > 50)
    {
        errors.push(FieldError::new(
            "declared.family_members",
            Text::new("Al massimo 50 persone.", "At most 50 persons."),
        ));
    }
    match (fiscal_code, errors.is_empty()) {
        (Ok(code), true) => Ok(CheckRequest {
            fiscal_code: code.as_str().to_owned(),
            purpose,
            reference: body.reference,
            declared: Declared {
                resident: body.declared.resident,
                address: body.declared.address.map(|a| (a.street, a.house_number)),
                family_members: body.declared.family_members,
                civil_status: body.declared.civil_status,
            },
        }),
        _ => Err(ApiError::Validation(errors)),
    }
}
