//! `POST /api/v1/oauth/token`: the client-credentials grant.

use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::Origin;
use crate::clients::api::error::token_error_response;
use crate::clients::error::TokenError;
use crate::clients::token::{self, TokenRequest};
use crate::platform::auth::TokenKeys;
use crate::platform::http::client::client_ip;
use crate::platform::http::AppState;

/// The form of a token request (RFC 6749 §4.4.2); the client authenticates with
/// `client_id` and `client_secret` in the form or with HTTP Basic, or — when it registered
/// public keys — with `client_assertion_type` and `client_assertion` (RFC 7523).
#[derive(Deserialize, ToSchema, Default)]
pub struct TokenForm {
    #[schema(example = "client_credentials")]
    pub grant_type: Option<String>,
    #[schema(example = "app-3f2a9c1d0b7e4a21")]
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    #[schema(example = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")]
    pub client_assertion_type: Option<String>,
    /// A JWT signed with a registered key: `iss` and `sub` the client id, `aud` the token
    /// endpoint's URL, `exp` at most 5 minutes ahead, a `jti` never used before.
    pub client_assertion: Option<String>,
    /// Space-separated scopes, among those granted; none asks for all of them.
    #[schema(example = "registry:check")]
    pub scope: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds of life of the token.
    #[schema(example = 300, format = Int64)]
    pub expires_in: i64,
    #[schema(example = "registry:check")]
    pub scope: String,
}

/// Issues an access token to a third-party application (OAuth 2.0 client credentials).
///
/// `application/x-www-form-urlencoded` with `grant_type=client_credentials`, the client's
/// credentials (form fields or HTTP Basic) and optionally `scope`. The token lives five
/// minutes and carries the scopes; errors are problems (RFC 9457) that carry RFC 6749 §5.2's
/// `error` and `error_description`. Every issued and refused token is audit-logged.
#[utoipa::path(
    tag = "auth",
    request_body(content = TokenForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, body = TokenResponse),
        (status = 400, body = crate::clients::api::error::OAuthError, content_type = "application/problem+json",
            description = "`invalid_request`, `unsupported_grant_type` or `invalid_scope`"),
        (status = 401, body = crate::clients::api::error::OAuthError, content_type = "application/problem+json",
            description = "`invalid_client`: unknown or revoked client, wrong secret, or a forbidden address"),
    )
)]
#[post("/oauth/token")]
pub async fn issue_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    keys: web::Data<TokenKeys>,
    body: web::Bytes,
) -> HttpResponse {
    let form = match read_form(&req, &body) {
        Ok(form) => form,
        Err(error) => return token_error_response(&error),
    };
    let origin = Origin::from_request(&req);
    let ip = client_ip(&req).and_then(|ip| ip.parse().ok());
    let base = state.settings.effective_public_base_url();
    let base = base.trim_end_matches('/');
    let audiences = vec![format!("{base}/api/v1/oauth/token"), base.to_owned()];
    let outcome = state
        .db
        .run(move |conn| token::issue(conn, &keys, &origin, ip, &audiences, form))
        .await;
    match outcome {
        Ok(issued) => HttpResponse::Ok()
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .json(TokenResponse {
                access_token: issued.access_token,
                token_type: "Bearer",
                expires_in: issued.expires_in,
                scope: issued.scope,
            }),
        Err(error) => token_error_response(&error),
    }
}

fn read_form(req: &HttpRequest, body: &[u8]) -> Result<TokenRequest, TokenError> {
    let form_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form_type {
        return Err(TokenError::InvalidRequest(
            "the body must be application/x-www-form-urlencoded".into(),
        ));
    }
    let form: TokenForm = serde_urlencoded::from_bytes(body)
        .map_err(|e| TokenError::InvalidRequest(e.to_string()))?;
    let (mut client_id, mut client_secret) = (form.client_id, form.client_secret);
    if let Some((id, secret)) = basic_credentials(req) {
        if client_id.as_ref().is_some_and(|c| *c != id) || client_secret.is_some() {
            return Err(TokenError::InvalidRequest("credentials given twice".into()));
        }
        client_id = Some(id);
        client_secret = Some(secret);
    }
    Ok(TokenRequest {
        grant_type: form.grant_type,
        client_id,
        client_secret,
        client_assertion_type: form.client_assertion_type,
        client_assertion: form.client_assertion,
        scope: form.scope,
    })
}

/// `Authorization: Basic` with the URL-encoded id and secret (RFC 6749 §2.3.1).
fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let unescape = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}
