//! Changing one's password, also the forced change at first login: the current password
//! is checked like a login (and throttled like one), every other session ends.

use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::ToSchema;

use super::login::{session_response, LoginResponse};
use super::password_policy::check_new_password;
use crate::accounts::password;
use crate::accounts::rules::login_method::LoginMethod::Password;
use crate::accounts::session;
use crate::accounts::store::accounts::{self, LoginName};
use crate::accounts::Error;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::auth::Refusal;
use crate::platform::auth::SessionUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    #[schema(example = "NuovaPassword26")]
    pub new_password: String,
}

/// Changes the password (also the forced change at first login). Ends every other
/// session of the account and returns a new one.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, body = LoginResponse),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[post("/auth/password")]
pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
    user: SessionUser,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    check_new_password(&state.settings.password_policy, &body.new_password)?;
    if body.new_password == body.current_password {
        return Err(ApiError::Validation(vec![FieldError::new(
            "new_password",
            Text::new(
                "La nuova password deve essere diversa da quella attuale.",
                "The new password must differ from the current one.",
            ),
        )]));
    }
    let origin = Origin::from_request(&req);
    let ip = origin.ip.clone();
    let account_id = user.user.account_id.clone();
    let issued = state
        .db
        .run({
            let revocations = state.revocations.clone();
            let tokens = tokens.clone();
            move |conn| {
                let now = Utc::now().naive_utc();
                let account = accounts::find_by_id(conn, &account_id)?
                    .ok_or(ApiError::from(Refusal::InvalidToken))?;
                let login_name = match (&account.fiscal_code, &account.username) {
                    (Some(code), _) => LoginName::FiscalCode(code.clone()),
                    (None, Some(name)) => LoginName::Username(name.clone()),
                    (None, None) => return Err(ApiError::internal("account without login name")),
                };
                let account = session::check_credentials(
                    conn,
                    &login_name,
                    &body.current_password,
                    ip.as_deref(),
                    now,
                )
                .map_err(|error| match error {
                    Error::InvalidCredentials => ApiError::Validation(vec![FieldError::text(
                        "current_password",
                        "La password attuale non è corretta.",
                        "The current password is not correct.",
                    )]),
                    other => other.into(),
                })?;
                let hash = password::hash(&body.new_password).map_err(ApiError::internal)?;
                accounts::set_password(conn, &account.id, &hash, false, now)?;
                crate::accounts::store::sessions::revoke_all_of_account(conn, &account.id, now)?;
                let account = accounts::find_by_id(conn, &account.id)?.ok_or(ApiError::NotFound)?;
                let label = session::label_of(&account);
                let actor = Actor {
                    id: Some(&account.id),
                    label: &label,
                };
                let entry = AuditEntry::new(actor, actions::AUTH_PASSWORD_CHANGED)
                    .subject("account", &account.id);
                audit::record(conn, &origin, entry)?;
                let issued = session::issue(conn, &tokens, &account, None, Password, now)?;
                revocations.sync(conn, now)?;
                Ok(issued)
            }
        })
        .await?;
    Ok(session_response(&state, issued))
}
