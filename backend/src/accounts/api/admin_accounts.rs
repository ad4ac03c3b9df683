//! Counter identification (Sportello Unico): an operator finds a pending account, checks
//! the person's identity document, and activates or rejects it.

use crate::accounts::rules::status::AccountStatus;
use actix_web::{get, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::accounts::store::accounts::{self, AccountDetails, Identification};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::mail::{self, Email, NewMail};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::AppState;
use crate::platform::i18n::Text;
use crate::platform::settings::Settings;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct AccountSearch {
    /// Pending identification by default.
    pub status: Option<AccountStatus>,
    /// Beginning of the codice fiscale or of the surname.
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AccountSummary {
    pub id: String,
    pub role: String,
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
    pub surname: String,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub email: Option<String>,
    pub status: AccountStatus,
    pub created_at: DateTime<Utc>,
    pub identity_document_type: Option<String>,
    pub identity_document_number: Option<String>,
    pub identified_at: Option<DateTime<Utc>>,
}

impl From<AccountDetails> for AccountSummary {
    fn from(a: AccountDetails) -> AccountSummary {
        AccountSummary {
            id: a.id,
            role: a.role,
            fiscal_code: a.fiscal_code,
            username: a.username,
            surname: a.surname,
            name: a.name,
            birth_date: a.birth_date,
            email: a.email,
            status: AccountStatus::from_stored(&a.status),
            created_at: a.created_at.and_utc(),
            identity_document_type: a.identity_document_type,
            identity_document_number: a.identity_document_number,
            identified_at: a.identified_at.map(|t| t.and_utc()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AccountList {
    pub accounts: Vec<AccountSummary>,
}

/// The identity document shown at the counter.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivateAccount {
    /// `carta_identita`, `carta_identita_elettronica`, `passaporto`, `patente` or
    /// `permesso_soggiorno`.
    #[schema(example = "carta_identita_elettronica")]
    pub document_type: String,
    #[schema(example = "CA12345AB")]
    pub document_number: String,
    /// Must not be past.
    #[schema(example = "2031-05-20")]
    pub document_expiry: NaiveDate,
}

pub const DOCUMENT_TYPES: [&str; 5] = [
    "carta_identita",
    "carta_identita_elettronica",
    "passaporto",
    "patente",
    "permesso_soggiorno",
];

/// Accounts by status (pending identification by default), for the counter.
/// Needs `accounts.identify`.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["accounts.identify"])),
    params(AccountSearch),
    responses(
        (status = 200, body = AccountList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/admin/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    _user: AuthUser,
    query: Query<AccountSearch>,
) -> Result<web::Json<AccountList>, ApiError> {
    let AccountSearch { status, q } = query.0;
    let status = status
        .unwrap_or(AccountStatus::PendingIdentification)
        .as_str();
    let found = state
        .db
        .run(move |conn| accounts::list_by_status(conn, status, q.as_deref(), 200))
        .await?;
    Ok(web::Json(AccountList {
        accounts: found.into_iter().map(Into::into).collect(),
    }))
}

/// Activates a pending account after checking the person's identity document at the
/// counter. Needs `accounts.identify`.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["accounts.identify"])),
    params(("id" = String, Path, description = "Account id")),
    request_body = ActivateAccount,
    responses(
        (status = 200, body = AccountSummary),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/admin/accounts/{id}/activate")]
pub async fn activate_account(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<ActivateAccount>,
) -> Result<web::Json<AccountSummary>, ApiError> {
    let body = body.0;
    let today = Utc::now().date_naive();
    let mut errors = Vec::new();
    if !DOCUMENT_TYPES.contains(&body.document_type.as_str()) {
        errors.push(FieldError::new(
            "document_type",
            Text::new(
                format!(
                    "Tipo di documento non previsto (ammessi: {}).",
                    DOCUMENT_TYPES.join(", ")
                ),
                format!(
                    "Unknown document type (allowed: {}).",
                    DOCUMENT_TYPES.join(", ")
                ),
            ),
        ));
    }
    let number = body.document_number.trim().to_uppercase();
    if number.len() < 5 || number.len() > 20 || !number.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.push(FieldError::new(
            "document_number",
            Text::new(
                "Numero del documento non valido.",
                "Not a valid document number.",
            ),
        ));
    }
    if body.document_expiry < today {
        errors.push(FieldError::new(
            "document_expiry",
            Text::new(
                "Il documento è scaduto: non può essere usato per l'identificazione.",
                "The document has expired and cannot be used for identification.",
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let id = path.into_inner();
    let origin = Origin::from_request(&req);
    let settings = state.settings.clone();
    let details = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                accounts::find_by_id(conn, &id)?.ok_or(ApiError::NotFound)?;
                let check = Identification {
                    document_type: &body.document_type,
                    document_number: &number,
                    document_expiry: body.document_expiry,
                    operator_id: &user.account_id,
                };
                if !accounts::activate(conn, &id, &check, Utc::now().naive_utc())? {
                    return Err(not_pending());
                }
                let actor = Actor::user(&user);
                let mut entry =
                    AuditEntry::new(actor, actions::ACCOUNT_ACTIVATED).subject("account", &id);
                entry.details = serde_json::json!({ "document_type": body.document_type });
                audit::record(conn, &origin, entry)?;
                let details = accounts::details(conn, &id)?.ok_or(ApiError::NotFound)?;
                // In the same transaction: an activation is never without its notice.
                if let Some(mail) = activation_mail(&settings, &details) {
                    mail::enqueue(conn, &mail)?;
                }
                Ok(details)
            })
        })
        .await?;
    Ok(web::Json(details.into()))
}

/// Tells the citizen that the account is active and how to sign in; none without an
/// address on the account.
fn activation_mail(settings: &Settings, account: &AccountDetails) -> Option<NewMail> {
    let to = Email::parse(account.email.as_deref()?).ok()?;
    let municipality = &settings.municipality;
    let body = format!(
        "Gentile {name} {surname},\n\n\
         il Suo account del Portale dei Servizi Demografici del {municipality} è stato attivato \
         dopo l'identificazione allo Sportello Unico.\n\n\
         Da ora può accedere ai servizi online con l'identificativo utente (il codice fiscale {code}) \
         e la password ricevuta al momento della registrazione; al primo accesso Le sarà chiesto \
         di sceglierne una nuova.\n\n\
         Accesso: {base}/accedi\n\n\
         Se non si è presentato allo Sportello, contatti l'ufficio: {email}, {phone}.\n\n\
         {office} - {municipality}\n{base}\n",
        name = account.name,
        surname = account.surname,
        municipality = municipality.name,
        code = account.fiscal_code.as_deref().unwrap_or_default(),
        base = settings.effective_public_base_url().trim_end_matches('/'),
        email = municipality.office.email,
        phone = municipality.office.phone,
        office = municipality.office.name,
    );
    let subject = format!("{}: account attivato", municipality.name);
    Some(NewMail::new(to, subject, body))
}

/// Rejects a pending account (the person was not identified). Needs `accounts.identify`.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["accounts.identify"])),
    params(("id" = String, Path, description = "Account id")),
    responses(
        (status = 200, body = AccountSummary),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[post("/admin/accounts/{id}/reject")]
pub async fn reject_account(
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<AccountSummary>, ApiError> {
    let id = path.into_inner();
    let origin = Origin::from_request(&req);
    let details = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                accounts::find_by_id(conn, &id)?.ok_or(ApiError::NotFound)?;
                if !accounts::reject(conn, &id, &user.account_id, Utc::now().naive_utc())? {
                    return Err(not_pending());
                }
                let actor = Actor::user(&user);
                audit::record(
                    conn,
                    &origin,
                    AuditEntry::new(actor, actions::ACCOUNT_REJECTED).subject("account", &id),
                )?;
                accounts::details(conn, &id)?.ok_or(ApiError::NotFound)
            })
        })
        .await?;
    Ok(web::Json(details.into()))
}

fn not_pending() -> ApiError {
    ApiError::Conflict {
        code: "account_not_pending",
        detail: Text::new(
            "L'account non è in attesa di identificazione.",
            "The account is not awaiting identification.",
        ),
    }
}
