//! Login, token refresh and logout. The refresh token travels in the body for API
//! clients and in an HttpOnly cookie for the SPA.

use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::accounts::federation::revocation::revoke_session_tokens;
use crate::accounts::federation::Federation;
use crate::accounts::login_audit::record_login;
use crate::accounts::rules::login_method::LoginMethod::Password;
use crate::accounts::session::LogoutScope;
use crate::accounts::session::{self, IssuedSession, Refresh};
use crate::accounts::store::accounts::{normalized_fiscal_code, LoginName};
use crate::accounts::Error;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::auth::SessionUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;

pub const REFRESH_COOKIE: &str = "portale_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"fiscal_code": "RSSMRA85T10H501O", "password": "Valdoria26"}))]
pub struct LoginRequest {
    /// Citizens log in with their codice fiscale…
    pub fiscal_code: Option<String>,
    /// …operators and administrators with their user name…
    pub username: Option<String>,
    /// …or either of the two, as typed in the login form's one field ("Identificativo
    /// utente"): the server tells them apart.
    pub user_id: Option<String>,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// JWT for `Authorization: Bearer`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Until it is false, only the password change, the profile and logout work.
    pub must_change_password: bool,
    /// Single-use: exchange it at `/api/v1/auth/refresh` for a new pair. Also set as an
    /// HttpOnly cookie for browsers.
    pub refresh_token: String,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// Omit it when the browser sends the cookie.
    pub refresh_token: Option<String>,
}

/// The answer to every login: the tokens in the body, the refresh token also as an
/// HttpOnly cookie limited to the auth endpoints.
pub fn session_response(state: &AppState, issued: IssuedSession) -> HttpResponse {
    let secure = state
        .settings
        .effective_public_base_url()
        .starts_with("https://");
    let cookie = Cookie::build(REFRESH_COOKIE, issued.refresh_token.clone())
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .max_age(time::Duration::seconds(
            crate::platform::auth::tokens::REFRESH_TOKEN_TTL.num_seconds(),
        ))
        .finish();
    HttpResponse::Ok().cookie(cookie).json(LoginResponse {
        access_token: issued.access_token,
        token_type: "Bearer",
        expires_in: issued.expires_in,
        must_change_password: issued.must_change_password,
        refresh_token: issued.refresh_token,
    })
}

fn expired_cookie() -> Cookie<'static> {
    let mut cookie = Cookie::build(REFRESH_COOKIE, "")
        .path(COOKIE_PATH)
        .http_only(true)
        .finish();
    cookie.make_removal();
    cookie
}

/// The login name a request gives: the codice fiscale (spaces and case do not matter),
/// the user name of staff, or either of them to be told apart; exactly one of these.
pub fn login_name(
    fiscal_code: Option<&str>,
    username: Option<&str>,
    user_id: Option<&str>,
) -> Result<LoginName, ApiError> {
    fn given(value: Option<&str>) -> Option<&str> {
        value.filter(|v| !v.trim().is_empty())
    }
    match (given(fiscal_code), given(username), given(user_id)) {
        (Some(code), None, None) => Ok(LoginName::FiscalCode(normalized_fiscal_code(code))),
        (None, Some(name), None) => Ok(LoginName::Username(name.trim().to_owned())),
        (None, None, Some(typed)) => Ok(LoginName::Either(typed.trim().to_owned())),
        _ => Err(ApiError::Validation(vec![FieldError::new(
            if user_id.is_some() {
                "user_id"
            } else {
                "fiscal_code"
            },
            Text::new(
                "Indicare il codice fiscale oppure, per il personale, il nome utente.",
                "Give the tax code or, for staff, the user name.",
            ),
        )])),
    }
}

/// Logs in with codice fiscale (citizens) or user name (staff) and password. Wrong
/// credentials get one answer that does not say which part was wrong; repeated failures
/// lock the login and the client address for a while (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[post("/auth/login")]
pub async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let login = login_name(
        body.fiscal_code.as_deref(),
        body.username.as_deref(),
        body.user_id.as_deref(),
    )?;
    let origin = Origin::from_request(&req);
    let issued = state
        .db
        .run({
            let tokens = tokens.clone();
            move |conn| {
                let now = Utc::now().naive_utc();
                let ip = origin.ip.as_deref();
                let outcome = session::check_credentials(conn, &login, &body.password, ip, now)
                    .and_then(|account| session::ensure_active(&account).map(|()| account))
                    .and_then(|account| {
                        session::issue(conn, &tokens, &account, None, Password, now)
                    });
                record_login(conn, &origin, &outcome, login.as_str(), None)?;
                outcome.map_err(ApiError::from)
            }
        })
        .await?;
    Ok(session_response(&state, issued))
}

/// Exchanges a refresh token (body or cookie) for a new pair. Each refresh token works
/// once: presenting a used one again revokes every token of that login.
#[utoipa::path(
    tag = "auth",
    request_body(content = Option<RefreshRequest>, description = "Optional when the cookie is sent"),
    responses(
        (status = 200, body = LoginResponse),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    tokens: web::Data<TokenKeys>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body: RefreshRequest = optional_body(&req, &body)?;
    let presented =
        presented_refresh_token(&req, body.refresh_token).ok_or(Error::InvalidRefreshToken)?;
    let origin = Origin::from_request(&req);
    let outcome = state
        .db
        .run({
            let tokens = tokens.clone();
            move |conn| {
                let outcome = session::refresh(conn, &tokens, &presented)?;
                if let Refresh::Reused { account_id } = &outcome {
                    let actor = Actor {
                        id: None,
                        label: "sessione rinnovata",
                    };
                    let entry = AuditEntry::new(actor, actions::AUTH_REFRESH_TOKEN_REUSED)
                        .subject("account", account_id);
                    audit::record(conn, &origin, entry)?;
                }
                Ok::<_, ApiError>(outcome)
            }
        })
        .await?;
    match outcome {
        Refresh::Issued(issued) => Ok(session_response(&state, issued)),
        Refresh::Reused { account_id } => {
            tracing::warn!(account_id, "refresh token reused: session family revoked");
            Err(Error::InvalidRefreshToken.into())
        }
        Refresh::Invalid => Err(Error::InvalidRefreshToken.into()),
    }
}

/// An optional JSON body: the default when none was sent.
fn optional_body<T: serde::de::DeserializeOwned + Default>(
    req: &HttpRequest,
    body: &[u8],
) -> Result<T, ApiError> {
    use crate::platform::http::extract::{is_json, parse_json};
    if body.iter().all(u8::is_ascii_whitespace) {
        Ok(T::default())
    } else if !is_json(req) {
        Err(ApiError::UnsupportedMediaType)
    } else {
        parse_json(body)
    }
}

/// The refresh token from the body if there is one, else from the cookie.
fn presented_refresh_token(req: &HttpRequest, from_body: Option<String>) -> Option<String> {
    from_body
        .or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()))
        .filter(|t| !t.is_empty())
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct LogoutRequest {
    /// The session to end, when the browser does not send the cookie.
    pub refresh_token: Option<String>,
    /// End every session of the account, on every device.
    #[serde(default)]
    pub all_sessions: bool,
}

/// Ends this session — the one of the refresh token in the body or cookie, else the one
/// of the access token — or, with `all_sessions`, every session of the account. Its
/// access tokens stop working at once, not at their expiry.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    request_body(content = Option<LogoutRequest>, description = "Optional"),
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: SessionUser,
    federation: web::Data<Federation>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let body: LogoutRequest = optional_body(&req, &body)?;
    let scope = match presented_refresh_token(&req, body.refresh_token) {
        _ if body.all_sessions => LogoutScope::Everywhere,
        Some(refresh_token) => LogoutScope::RefreshToken(refresh_token),
        None => user
            .user
            .session_id
            .clone()
            .map_or(LogoutScope::Everywhere, LogoutScope::Session),
    };
    let origin = Origin::from_request(&req);
    let user = user.user;
    let session_id = user.session_id.clone();
    let revocations = state.revocations.clone();
    state
        .db
        .run(move |conn| {
            session::logout(conn, &user.account_id, &scope)?;
            revocations.sync(conn, Utc::now().naive_utc())?;
            let actor = Actor {
                id: Some(&user.account_id),
                label: &user.label,
            };
            let entry =
                AuditEntry::new(actor, actions::AUTH_LOGOUT).subject("account", &user.account_id);
            audit::record(conn, &origin, entry)?;
            Ok::<_, ApiError>(())
        })
        .await?;
    // A SPID/CIE session also ends the identity provider's tokens (best effort).
    if let (Some(relying_party), Some(session_id)) = (federation.0.as_ref(), session_id) {
        revoke_session_tokens(relying_party, &state.db, session_id).await;
    }
    Ok(HttpResponse::NoContent().cookie(expired_cookie()).finish())
}
