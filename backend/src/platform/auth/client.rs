//! Third-party applications as callers: their access tokens (OAuth 2.0 client
//! credentials), the `ClientCaller` extractor that checks the token, the scopes the
//! endpoint declares and the client's rate limit, and the headers that report the limit.
//! A client's token never opens a person's endpoint: it does not decode as a person's.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use chrono::Utc;
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};

use super::pdnd::PdndVouchers;
use super::route_permissions::RoutePermissions;
use super::scopes::Scope;
use super::tokens::{TokenKeys, ISSUER};
use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;

/// How long a client's access token lives: short, since a client asks again at will.
pub const CLIENT_TOKEN_SECONDS: i64 = 300;

/// The claims of a client's access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClientClaims {
    /// `client:<client_id>`: the subject of the revocations (a revoked or rotated client's
    /// generation rises).
    pub sub: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    /// Always `client`.
    pub kind: String,
    pub client_id: String,
    /// The application and its organisation, for the audit log and the citizens' view.
    pub name: String,
    pub org: String,
    /// Granted scopes, space-separated.
    pub scope: String,
    /// Requests a minute.
    pub rl: u32,
    pub gen: i64,
}

/// What a client's token is issued from.
pub struct ClientGrant<'a> {
    pub client_id: &'a str,
    pub name: &'a str,
    pub organisation: &'a str,
    pub scopes: &'a [Scope],
    pub rate_limit_per_minute: u32,
    pub generation: i64,
}

pub fn subject_of(client_id: &str) -> String {
    format!("client:{client_id}")
}

pub fn client_claims(grant: &ClientGrant<'_>) -> ClientClaims {
    let now = Utc::now().timestamp();
    ClientClaims {
        sub: subject_of(grant.client_id),
        iss: ISSUER.to_owned(),
        iat: now,
        exp: now + CLIENT_TOKEN_SECONDS,
        jti: uuid::Uuid::new_v4().to_string(),
        kind: "client".to_owned(),
        client_id: grant.client_id.to_owned(),
        name: grant.name.to_owned(),
        org: grant.organisation.to_owned(),
        scope: Scope::join(grant.scopes),
        rl: grant.rate_limit_per_minute,
        gen: grant.generation,
    }
}

/// A third-party application that presented a valid token holding the scopes the
/// endpoint declares, within its rate limit.
#[derive(Debug, Clone)]
pub struct ClientCaller {
    pub client_id: String,
    pub name: String,
    pub organisation: String,
    pub scopes: BTreeSet<Scope>,
    pub token_id: String,
    /// For a PDND voucher, the purpose it was issued for.
    pub purpose_id: Option<String>,
}

impl ClientCaller {
    /// How the client is named in the audit log and in "Chi ha consultato i miei dati".
    pub fn label(&self) -> String {
        format!("{} ({})", self.organisation, self.name)
    }
}

/// Requests of each client in the current minute, on this instance.
#[derive(Default)]
pub struct ClientRateLimits {
    windows: Mutex<HashMap<String, (i64, u32)>>,
}

/// What the rate-limit headers say about one request.
#[derive(Debug, Clone, Copy)]
pub struct RateLimitState {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window starts again.
    pub reset: u64,
}

impl ClientRateLimits {
    /// Counts a request of `client_id` at `now` (seconds) against `limit` a minute.
    pub fn count(&self, client_id: &str, limit: u32, now: i64) -> (bool, RateLimitState) {
        let minute = now.div_euclid(60);
        let reset = u64::try_from(60 - now.rem_euclid(60)).unwrap_or(60);
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() > 10_000 {
            windows.retain(|_, (window, _)| *window == minute);
        }
        let entry = windows.entry(client_id.to_owned()).or_insert((minute, 0));
        if entry.0 != minute {
            *entry = (minute, 0);
        }
        let allowed = entry.1 < limit;
        if allowed {
            entry.1 += 1;
        }
        let state = RateLimitState {
            limit,
            remaining: limit.saturating_sub(entry.1),
            reset,
        };
        (allowed, state)
    }
}

async fn authenticate_client(req: HttpRequest) -> Result<ClientCaller, ApiError> {
    let keys = req
        .app_data::<web::Data<TokenKeys>>()
        .ok_or_else(|| ApiError::internal("session keys missing"))?;
    let token = super::caller::bearer_token(&req)?;
    let Some(claims) = keys
        .verify_as::<ClientClaims>(token)
        .filter(|c| c.kind == "client")
    else {
        return authenticate_voucher(&req, token).await;
    };
    let revocations = super::caller::fresh_revocations(&req).await?;
    if revocations.is_revoked(&claims.sub, claims.gen, None) {
        return Err(ApiError::unauthorized(
            "invalid_token",
            "Le credenziali dell'applicazione sono state revocate o rinnovate.",
            "The application's credentials have been revoked or renewed.",
        ));
    }
    let scopes: BTreeSet<Scope> = claims
        .scope
        .split_whitespace()
        .filter_map(Scope::parse)
        .collect();
    let caller = ClientCaller {
        client_id: claims.client_id,
        name: claims.name,
        organisation: claims.org,
        scopes,
        token_id: claims.jti,
        purpose_id: None,
    };
    admit(&req, caller, claims.rl)
}

fn invalid_client_token() -> ApiError {
    ApiError::unauthorized(
        "invalid_token",
        "Token di accesso dell'applicazione non valido o scaduto: richiederne uno nuovo a /api/v1/oauth/token.",
        "The application's access token is not valid or has expired: request a new one at /api/v1/oauth/token.",
    )
}

/// A PDND voucher, when the deployment accepts them: the consumer gets the scopes the
/// settings grant vouchers.
async fn authenticate_voucher(req: &HttpRequest, token: &str) -> Result<ClientCaller, ApiError> {
    let vouchers = req
        .app_data::<web::Data<Option<PdndVouchers>>>()
        .and_then(|v| v.as_ref().as_ref())
        .ok_or_else(invalid_client_token)?;
    let voucher = vouchers
        .verify(token, Utc::now().timestamp())
        .await
        .map_err(|why| {
            tracing::info!(%why, "PDND voucher refused");
            invalid_client_token()
        })?;
    let caller = ClientCaller {
        organisation: format!("Fruitore PDND {}", voucher.client_id),
        name: "PDND".to_owned(),
        client_id: format!("pdnd:{}", voucher.client_id),
        scopes: vouchers
            .settings
            .scopes
            .iter()
            .filter_map(|s| Scope::parse(s))
            .collect(),
        token_id: voucher.jti,
        purpose_id: voucher.purpose_id,
    };
    admit(
        req,
        caller,
        vouchers.settings.rate_limit_per_minute.unwrap_or(120),
    )
}

/// The caller, when the route takes clients with its scopes and the limit allows.
fn admit(
    req: &HttpRequest,
    caller: ClientCaller,
    limit_per_minute: u32,
) -> Result<ClientCaller, ApiError> {
    let scopes = &caller.scopes;
    let table = req
        .app_data::<web::Data<RoutePermissions>>()
        .ok_or_else(|| ApiError::internal("route permissions missing"))?;
    let pattern = req.match_pattern().unwrap_or_default();
    match table.missing_scope(req.method(), &pattern, scopes) {
        Ok(()) => {}
        Err(Some(missing)) => {
            return Err(ApiError::Forbidden {
                code: "insufficient_scope",
                detail: Text::new(
                    format!(
                    "L'applicazione non ha l'autorizzazione «{}» richiesta da questa operazione.",
                    missing.code()
                ),
                    format!(
                        "The application lacks the scope “{}” this operation requires.",
                        missing.code()
                    ),
                ),
            })
        }
        Err(None) => {
            return Err(ApiError::forbidden(
                "client_not_allowed",
                "Questa operazione non è disponibile alle applicazioni.",
                "This operation is not open to applications.",
            ))
        }
    }
    if let Some(limits) = req.app_data::<web::Data<ClientRateLimits>>() {
        let (allowed, limit) =
            limits.count(&caller.client_id, limit_per_minute, Utc::now().timestamp());
        req.extensions_mut().insert(limit);
        if !allowed {
            return Err(ApiError::TooManyRequests {
                retry_after_secs: limit.reset,
            });
        }
    }
    Ok(caller)
}

impl FromRequest for ClientCaller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<ClientCaller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(authenticate_client(req.clone()))
    }
}

/// Adds the Italian interoperability guidelines' rate-limit headers to the answer of a
/// request a client made (also to its 429).
pub async fn rate_limit_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(req).await?;
    let state = response
        .request()
        .extensions()
        .get::<RateLimitState>()
        .copied();
    if let Some(state) = state {
        let headers = response.headers_mut();
        for (name, value) in [
            ("x-ratelimit-limit", state.limit.to_string()),
            ("x-ratelimit-remaining", state.remaining.to_string()),
            ("x-ratelimit-reset", state.reset.to_string()),
        ] {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(HeaderName::from_static(name), value);
            }
        }
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_counts_per_minute_and_per_client() {
        let limits = ClientRateLimits::default();
        // A whole minute (1_800_000_000 is one).
        let start = 1_800_000_000;
        for remaining in (0..3).rev() {
            let (allowed, state) = limits.count("a", 3, start + 10);
            assert!(allowed);
            assert_eq!(state.remaining, remaining);
            assert_eq!(state.reset, 50);
        }
        assert!(!limits.count("a", 3, start + 20).0);
        assert!(limits.count("b", 3, start + 20).0);
        assert!(limits.count("a", 3, start + 60).0);
    }
}
