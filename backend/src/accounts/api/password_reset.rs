//! Password recovery: a single-use link by e-mail, valid for 30 minutes. The request
//! always gets the same answer, so it reveals nothing about which accounts exist.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::password;
use crate::accounts::session;
use crate::accounts::store::accounts;
use crate::accounts::store::password_resets;
use crate::accounts::store::sessions;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::mail::{self, Email, NewMail};
use crate::platform::auth::tokens;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};

const RESET_TTL: Duration = Duration::minutes(30);

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
    /// Codice fiscale or user name, as typed in the form's one field: the server tells
    /// them apart.
    pub user_id: Option<String>,
    /// The e-mail address of the account: both must match for a link to be sent.
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct PasswordResetAccepted {
    pub message: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetConfirm {
    /// From the link in the e-mail.
    pub token: String,
    pub new_password: String,
}

/// Sends a password reset link when the login name and e-mail match an active account.
/// Always 202, with the same message.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, body = PasswordResetAccepted),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/auth/password-reset")]
pub async fn request_password_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let login = crate::accounts::api::login::login_name(
        body.fiscal_code.as_deref(),
        body.username.as_deref(),
        body.user_id.as_deref(),
    )?;
    let email = Email::parse(&body.email).map_err(|_| {
        ApiError::Validation(vec![FieldError::new(
            "email",
            Text::new(
                "Indirizzo di posta elettronica non valido.",
                "Not a valid e-mail address.",
            ),
        )])
    })?;
    let origin = Origin::from_request(&req);
    let settings = state.settings.clone();
    state
        .db
        .run(move |conn| {
            let Some(account) = accounts::find_by_login(conn, &login)? else { return Ok::<_, ApiError>(()) };
            // Sent to the address on the account, not to the one typed.
            let stored = account.email.as_deref().and_then(|e| Email::parse(e).ok());
            let Some(recipient) = stored.filter(|e| e.as_str().eq_ignore_ascii_case(email.as_str())) else {
                return Ok(());
            };
            if account.status != "active" {
                return Ok(());
            }
            let token = tokens::random_token();
            let now = Utc::now().naive_utc();
            let link = format!("{}/reimposta-password?token={token}", settings.effective_public_base_url());
            let body = format!(
                "Gentile {} {},\n\nè stata richiesta la reimpostazione della password del Portale dei Servizi Demografici del {}.\n\n\
                 Per scegliere una nuova password apra questo collegamento entro 30 minuti:\n{link}\n\n\
                 Il collegamento vale una sola volta. Se non ha fatto Lei la richiesta, ignori questo messaggio: la password attuale resta valida.\n",
                account.name, account.surname, settings.municipality.name
            );
            crate::platform::db::transaction(conn, |conn| {
                password_resets::insert(conn, &tokens::token_hash(&token), &account.id, now, now + RESET_TTL)?;
                mail::enqueue(conn, &NewMail::new(recipient, format!("{}: reimpostazione della password", settings.municipality.name), body))?;
                let label = session::label_of(&account);
                let entry = AuditEntry::new(Actor { id: Some(&account.id), label: &label }, actions::AUTH_PASSWORD_RESET_REQUESTED)
                    .subject("account", &account.id);
                audit::record(conn, &origin, entry)?;
                Ok(())
            })
        })
        .await?;
    let message = Text::new(
        "Se i dati corrispondono a un account attivo, riceverà a breve un messaggio con il collegamento per scegliere una nuova password.",
        "If the data match an active account, you will shortly receive a message with a link to choose a new password.",
    );
    Ok(HttpResponse::Accepted().json(PasswordResetAccepted {
        message: message.get(Lang::from_headers(req.headers())).to_owned(),
    }))
}

/// Sets a new password with the token from the e-mail; ends every session of the account.
#[utoipa::path(
    tag = "auth",
    request_body = PasswordResetConfirm,
    responses(
        (status = 204, description = "Password changed; log in with it"),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_password_reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: Json<PasswordResetConfirm>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    crate::accounts::api::password_policy::check_new_password(
        &state.settings.password_policy,
        &body.new_password,
    )?;
    let hash = password::hash(&body.new_password).map_err(ApiError::internal)?;
    let origin = Origin::from_request(&req);
    let revocations = state.revocations.clone();
    state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let now = Utc::now().naive_utc();
                let Some(account_id) = password_resets::consume(conn, &tokens::token_hash(&body.token), now)? else {
                    return Err(ApiError::Validation(vec![FieldError::new(
                        "token",
                        Text::new(
                            "Il collegamento non è valido, è già stato usato o è scaduto: richiederne uno nuovo.",
                            "The link is not valid, was already used or has expired: please request a new one.",
                        ),
                    )]));
                };
                accounts::set_password(conn, &account_id, &hash, false, now)?;
                sessions::revoke_all_of_account(conn, &account_id, now)?;
                let account = accounts::find_by_id(conn, &account_id)?.ok_or(ApiError::NotFound)?;
                let label = session::label_of(&account);
                let entry = AuditEntry::new(Actor { id: Some(&account_id), label: &label }, actions::AUTH_PASSWORD_RESET_COMPLETED)
                    .subject("account", &account_id);
                audit::record(conn, &origin, entry)?;
                Ok::<_, ApiError>(())
            })?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
