//! The user's own profile. Only contact details change (seed 000): identity data comes
//! from registration and the counter check.

use actix_web::{get, patch, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::store::accounts::{self, AccountDetails, ContactChanges};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

#[derive(Serialize, ToSchema)]
pub struct Profile {
    pub id: String,
    #[schema(example = "citizen")]
    pub role: String,
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
    pub surname: String,
    pub name: String,
    pub sex: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub birth_place_code: Option<String>,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub phone: Option<String>,
    pub mobile_phone: Option<String>,
    pub address: ContactAddress,
    #[schema(example = "active")]
    pub status: String,
    pub created_at: DateTime<Utc>,
    /// Registered in this municipality's registry today: the residents-only services
    /// (family record, certificates for the household) are open only then.
    pub resident: bool,
}

#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ContactAddress {
    pub province: Option<String>,
    pub municipality: Option<String>,
    pub street: Option<String>,
    pub number: Option<String>,
}

impl From<AccountDetails> for Profile {
    fn from(a: AccountDetails) -> Profile {
        Profile {
            id: a.id,
            role: a.role,
            fiscal_code: a.fiscal_code,
            username: a.username,
            surname: a.surname,
            name: a.name,
            sex: a.sex,
            birth_date: a.birth_date,
            birth_place_code: a.birth_place_code,
            email: a.email,
            pec: a.pec,
            phone: a.phone,
            mobile_phone: a.mobile_phone,
            address: ContactAddress {
                province: a.address_province,
                municipality: a.address_municipality,
                street: a.address_street,
                number: a.address_number,
            },
            status: a.status,
            created_at: a.created_at.and_utc(),
            resident: false,
        }
    }
}

/// The profile, completed from the registry (found by codice fiscale): residence, and the
/// birth data and sex the registry records, which win over what the registration form
/// gave (accounts made at the counter or before registration asked for them have none).
fn profile(
    conn: &mut crate::platform::db::DbConnection,
    details: AccountDetails,
) -> Result<Profile, ApiError> {
    let person = match &details.fiscal_code {
        Some(code) => crate::registry::find_person_by_fiscal_code(conn, code)?,
        None => None,
    };
    let mut profile = Profile::from(details);
    if let Some(person) = person {
        profile.resident = person.deregistered_on.is_none();
        profile.sex = Some(person.sex);
        profile.birth_date = Some(person.birth_date);
        profile.birth_place_code = Some(person.birth_place_code);
    }
    Ok(profile)
}

/// Editable contact fields; a field left out stays as it is, `null` clears it.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct UpdateProfile {
    #[serde(default, deserialize_with = "present")]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub pec: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub mobile_phone: Option<Option<String>>,
    pub address: Option<ContactAddress>,
}

/// Distinguishes a field sent as `null` (clear it) from a field not sent (keep it).
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

const IDENTITY_FIELDS: [&str; 8] = [
    "fiscal_code",
    "surname",
    "name",
    "sex",
    "birth_date",
    "birth_place_code",
    "username",
    "role",
];

/// My profile.
#[utoipa::path(
    tag = "profile",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Profile),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/me")]
pub async fn get_profile(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<Profile>, ApiError> {
    let id = user.account_id.clone();
    let found = state
        .db
        .run(move |conn| {
            let details = accounts::details(conn, &id)?.ok_or(ApiError::NotFound)?;
            profile(conn, details)
        })
        .await?;
    Ok(web::Json(found))
}

/// Changes my contact details: e-mail, PEC, phones and the contact address. Identity
/// fields are refused with a message naming them.
#[utoipa::path(
    tag = "profile",
    security(("bearer" = [])),
    request_body(content = UpdateProfile, content_type = "application/merge-patch+json"),
    responses(
        (status = 200, body = Profile),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[patch("/me")]
pub async fn update_profile(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<serde_json::Map<String, serde_json::Value>>,
) -> Result<web::Json<Profile>, ApiError> {
    let locked: Vec<FieldError> = body
        .0
        .keys()
        .filter(|key| IDENTITY_FIELDS.contains(&key.as_str()))
        .map(|key| {
            FieldError::new(
                key.clone(),
                Text::new(
                    "Questo dato non può essere modificato dal profilo: rivolgersi all'Ufficio Servizi Demografici.",
                    "This cannot be changed from the profile: please contact the registry office.",
                ),
            )
        })
        .collect();
    if !locked.is_empty() {
        return Err(ApiError::Validation(locked));
    }
    let update: UpdateProfile = crate::platform::http::extract::parse_json(
        &serde_json::to_vec(&body.0).map_err(ApiError::internal)?,
    )?;
    let changes = validate(update)?;
    let changed_fields: Vec<String> = body.0.keys().cloned().collect();
    let origin = Origin::from_request(&req);
    let details = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                accounts::update_contacts(conn, &user.account_id, &changes)?;
                let actor = Actor::user(&user);
                let mut entry = AuditEntry::new(actor, actions::ACCOUNT_UPDATED)
                    .subject("account", &user.account_id);
                entry.details = serde_json::json!({ "fields": changed_fields });
                audit::record(conn, &origin, entry)?;
                let details =
                    accounts::details(conn, &user.account_id)?.ok_or(ApiError::NotFound)?;
                profile(conn, details)
            })
        })
        .await?;
    Ok(web::Json(details))
}

fn clean(value: Option<Option<String>>) -> Option<Option<String>> {
    value.map(|v| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()))
}

fn validate(update: UpdateProfile) -> Result<ContactChanges, ApiError> {
    let mut errors = Vec::new();
    let email = clean(update.email);
    let pec = clean(update.pec);
    for (field, value) in [("email", &email), ("pec", &pec)] {
        if let Some(Some(address)) = value {
            if crate::mail::Email::parse(address).is_err() {
                errors.push(FieldError::new(
                    field,
                    Text::new(
                        "Indirizzo di posta elettronica non valido.",
                        "Not a valid e-mail address.",
                    ),
                ));
            }
        }
    }
    let phone = clean(update.phone);
    let mobile_phone = clean(update.mobile_phone);
    for (field, value) in [("phone", &phone), ("mobile_phone", &mobile_phone)] {
        if let Some(Some(number)) = value {
            let digits = number.chars().filter(char::is_ascii_digit).count();
            let allowed = number
                .chars()
                .all(|c| c.is_ascii_digit() || " +-./()".contains(c));
            if !allowed || !(6..=15).contains(&digits) {
                errors.push(FieldError::new(
                    field,
                    Text::new(
                        "Numero di telefono non valido.",
                        "Not a valid phone number.",
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let address = update.address;
    Ok(ContactChanges {
        email,
        pec,
        phone,
        mobile_phone,
        address_province: address.as_ref().map(|a| a.province.clone()),
        address_municipality: address.as_ref().map(|a| a.municipality.clone()),
        address_street: address.as_ref().map(|a| a.street.clone()),
        address_number: address.as_ref().map(|a| a.number.clone()),
        updated_at: Some(Utc::now().naive_utc()),
    })
}
