//! The registry as citizens and operators see it: the own family record, a person's
//! position (own family, or any for operators), and the look-up of third persons for
//! certificates (seed 001 "Certificazione libera"). Every view is audit-logged.

pub mod checks;
pub mod error;
pub mod fiscal_code;
pub mod places;
pub mod shapes;
pub mod streets;

use actix_web::{get, web, HttpRequest};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::permissions::Permission;
use crate::platform::auth::AuthUser;
use crate::platform::db::DbConnection;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::registry::rules::fiscal_code::FiscalCode;
use crate::registry::rules::third_party::check_reason;
use crate::registry::store::families;
use crate::registry::store::persons;
use crate::registry::third_party;
use crate::registry::Error;
use shapes::{FamilyMember, FamilyRecord, PersonMatch, PersonMatches, PersonRecord};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FamilyQuery {
    /// "Situazione alla data": the family as composed on this date (default: today).
    pub date: Option<NaiveDate>,
}

fn actor(user: &AuthUser) -> Actor<'_> {
    Actor::user(user)
}

/// The caller's own registry person, if the registry lists them as resident today.
pub fn resident_person(
    conn: &mut DbConnection,
    user: &AuthUser,
) -> Result<families::PersonRow, ApiError> {
    Ok(third_party::resident_requester(conn, &user.account_id)?)
}

/// My family record ("Visualizzazioni e certificati per il proprio nucleo familiare"):
/// address, the date it refers to and every member. Residents only.
#[utoipa::path(
    tag = "registry",
    security(("bearer" = [])),
    params(FamilyQuery),
    responses(
        (status = 200, body = FamilyRecord),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/me/family")]
pub async fn get_my_family(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: crate::platform::http::extract::Query<FamilyQuery>,
) -> Result<web::Json<FamilyRecord>, ApiError> {
    let today = Utc::now().date_naive();
    let date = query.0.date.unwrap_or(today);
    if date > today {
        return Err(ApiError::InvalidQuery(vec![FieldError::new(
            "date",
            Text::new(
                "La data non può essere futura.",
                "The date cannot be in the future.",
            ),
        )]));
    }
    let origin = Origin::from_request(&req);
    let lang = Lang::from_headers(req.headers());
    let city = state.settings.municipality.office.city.clone();
    let record = state
        .db
        .run(move |conn| {
            let me = resident_person(conn, &user)?;
            let family = families::family_of_person_at(conn, &me.id, date)?
                .ok_or(Error::NoFamilyOn(date))?;
            let entry = AuditEntry {
                details: serde_json::json!({ "situation_date": date }),
                ..AuditEntry::new(actor(&user), actions::FAMILY_VIEWED)
                    .subject("family", &family.family_id)
            };
            audit::record(conn, &origin, entry)?;
            Ok::<_, ApiError>(FamilyRecord::from_family(
                &family,
                Some(&me.id),
                &city,
                lang,
            ))
        })
        .await?;
    Ok(web::Json(record))
}

/// A person's registry position: for a member of the caller's family, or for an
/// operator with `registry.read`. Anyone else gets 404, which reveals nothing.
#[utoipa::path(
    tag = "registry",
    security(("bearer" = [])),
    params(("person_id" = String, Path)),
    responses(
        (status = 200, body = PersonRecord),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/persons/{person_id}")]
pub async fn get_person(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<PersonRecord>, ApiError> {
    let person_id = crate::registry::PersonId::new(path.into_inner());
    let origin = Origin::from_request(&req);
    let lang = Lang::from_headers(req.headers());
    let city = state.settings.municipality.office.city.clone();
    let record = state
        .db
        .run(move |conn| {
            let today = Utc::now().date_naive();
            let me = persons::of_account(conn, &user.account_id)?;
            let person = persons::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            let family = families::family_of_person_at(conn, &person.id, today)?;
            let same_family = match (&me, &family) {
                (Some(me), Some(family)) => family.members.iter().any(|m| m.person.id == me.id),
                _ => false,
            };
            if !same_family && !user.permissions.contains(&Permission::RegistryRead) {
                return Err(ApiError::NotFound);
            }
            let record = person_record(
                conn,
                &person,
                family.as_ref(),
                me.as_ref(),
                &city,
                today,
                lang,
            )?;
            let entry =
                AuditEntry::new(actor(&user), actions::PERSON_VIEWED).subject("person", &person.id);
            audit::record(conn, &origin, entry)?;
            Ok::<_, ApiError>(record)
        })
        .await?;
    Ok(web::Json(record))
}

fn person_record(
    conn: &mut DbConnection,
    person: &families::PersonRow,
    family: Option<&families::FamilyAtDate>,
    me: Option<&families::PersonRow>,
    city: &str,
    today: NaiveDate,
    lang: Lang,
) -> Result<PersonRecord, ApiError> {
    let civil = persons::civil_status_at(conn, &person.id, today)?;
    let member = family
        .and_then(|f| f.members.iter().find(|m| m.person.id == person.id))
        .map(|m| FamilyMember::from_member(m, me.map(|p| p.id.as_str()), lang))
        .unwrap_or_else(|| {
            let orphan = families::MemberAtDate {
                person: person.clone(),
                relationship: String::new(),
                civil_status: civil.as_ref().map(|c| c.status.clone()),
            };
            FamilyMember::from_member(&orphan, me.map(|p| p.id.as_str()), lang)
        });
    let status = if person.death_date.is_some() {
        "deceased"
    } else if person.deregistered_on.is_some() {
        "deregistered"
    } else {
        "resident"
    };
    Ok(PersonRecord {
        member,
        citizenship: person.citizenship.clone(),
        citizenship_name: crate::registry::rules::place_labels::citizenship(&person.citizenship),
        is_elector: person.is_elector,
        electoral_section: person.electoral_section,
        registered_on: person.registered_on,
        civil_status_since: civil.map(|c| c.since),
        address: family
            .and_then(|f| f.address.as_ref())
            .map(|a| shapes::Address::from_row(a, city)),
        family_registry_number: family.map(|f| f.registry_number),
        status: status.to_owned(),
        death_date: person.death_date,
    })
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PersonSearch {
    /// Either the codice fiscale…
    pub fiscal_code: Option<String>,
    /// …or surname, name and birth date together.
    pub surname: Option<String>,
    pub name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    /// Why the data of another person are needed (mandatory): 10 to 500 characters, in
    /// words (not one repeated character, not only digits or symbols). It is recorded,
    /// and the person can read it.
    pub reason: Option<String>,
}

/// The accepted forms of a look-up, each checked field by field.
enum Criteria {
    FiscalCode(String),
    NameAndBirth {
        surname: String,
        name: String,
        birth_date: NaiveDate,
    },
}

fn required(field: &str) -> FieldError {
    FieldError::new(
        field,
        Text::new("Campo obbligatorio.", "This field is required."),
    )
}

fn parse_search(search: PersonSearch) -> Result<(Criteria, String), ApiError> {
    let mut errors = Vec::new();
    let reason = check_reason(search.reason.as_deref())
        .map_err(|problem| errors.push(FieldError::new("reason", problem.message())))
        .unwrap_or_default();
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    let criteria = if !blank(&search.fiscal_code) {
        let raw = search.fiscal_code.unwrap_or_default();
        match FiscalCode::parse(&raw) {
            Ok(code) => Some(Criteria::FiscalCode(code.as_str().to_owned())),
            Err(_) => {
                errors.push(FieldError::new(
                    "fiscal_code",
                    Text::new("Codice fiscale non valido.", "Invalid tax code."),
                ));
                None
            }
        }
    } else {
        if blank(&search.surname) {
            errors.push(required("surname"));
        }
        if blank(&search.name) {
            errors.push(required("name"));
        }
        if search.birth_date.is_none() {
            errors.push(required("birth_date"));
        }
        match (search.surname, search.name, search.birth_date) {
            (Some(surname), Some(name), Some(birth_date)) => Some(Criteria::NameAndBirth {
                surname: surname.trim().to_owned(),
                name: name.trim().to_owned(),
                birth_date,
            }),
            _ => None,
        }
    };
    match criteria {
        Some(criteria) if errors.is_empty() => Ok((criteria, reason)),
        _ => Err(ApiError::InvalidQuery(errors)),
    }
}

fn searched_entry<'a>(
    user: &'a AuthUser,
    subject: Option<&'a str>,
    reason: &'a str,
    details: serde_json::Value,
) -> AuditEntry<'a> {
    let mut entry = AuditEntry::new(actor(user), actions::PERSON_SEARCHED);
    if let Some(id) = subject {
        entry = entry.subject("person", id);
    }
    AuditEntry {
        reason: Some(reason),
        details,
        ..entry
    }
}

/// Finds a third person for a certificate (seed 001 "Certificazione libera") by codice
/// fiscale, or by surname, name and birth date; `reason` is mandatory (10 to 500
/// characters, in words). For residents of the municipality (seed 001 §3; others 403
/// `not_resident`); only residents are found, and only what is needed to pick the person
/// is answered. Every look-up is recorded with its reason and shown to the person
/// concerned. Look-ups and certificates about third persons share one quota: thirty an
/// hour per account, then 429 with `Retry-After`.
#[utoipa::path(
    tag = "registry",
    security(("bearer" = [])),
    params(PersonSearch),
    responses(
        (status = 200, body = PersonMatches),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[get("/persons")]
pub async fn search_persons(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: crate::platform::http::extract::Query<PersonSearch>,
) -> Result<web::Json<PersonMatches>, ApiError> {
    let (criteria, reason) = parse_search(query.0)?;
    let origin = Origin::from_request(&req);
    let items = state
        .db
        .run(move |conn| {
            resident_person(conn, &user)?;
            third_party::charge_quota(conn, &user.account_id)?;
            let found = match &criteria {
                Criteria::FiscalCode(code) => families::find_person_by_fiscal_code(conn, code)?
                    .filter(|p| p.deregistered_on.is_none() && p.death_date.is_none())
                    .into_iter()
                    .collect(),
                Criteria::NameAndBirth {
                    surname,
                    name,
                    birth_date,
                } => persons::find_residents_by_name(conn, surname, name, *birth_date, 20)?,
            };
            let searched = match &criteria {
                Criteria::FiscalCode(code) => serde_json::json!({ "fiscal_code": code }),
                Criteria::NameAndBirth { surname, name, birth_date } => {
                    serde_json::json!({ "surname": surname, "name": name, "birth_date": birth_date })
                }
            };
            let details = serde_json::json!({ "searched": searched, "found": found.len() });
            if found.is_empty() {
                let entry = searched_entry(&user, None, &reason, details.clone());
                audit::record(conn, &origin, entry)?;
            }
            for person in &found {
                let entry = searched_entry(&user, Some(&person.id), &reason, details.clone());
                audit::record(conn, &origin, entry)?;
            }
            Ok::<_, ApiError>(found.iter().map(PersonMatch::from).collect())
        })
        .await?;
    Ok(web::Json(PersonMatches { items }))
}
