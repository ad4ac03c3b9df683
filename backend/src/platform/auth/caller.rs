//! Who is calling: the `AuthUser` extractor reads and checks the bearer token, asks the
//! in-memory revocations whether it was ended early (see `revocations`), then checks
//! the permissions the endpoint declares in its OpenAPI `security` (`route_permissions`).

use std::collections::BTreeSet;

use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{web, FromRequest, HttpRequest};

use chrono::Utc;
use futures_util::future::LocalBoxFuture;

use super::route_permissions::RoutePermissions;
use super::{AccountId, Refusal};
use crate::platform::auth::permissions::{Permission, Role};
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::http::error::ApiError;
use crate::platform::http::AppState;

/// A logged-in user whose password needs no change.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub account_id: AccountId,
    pub role: Role,
    pub label: String,
    pub permissions: BTreeSet<Permission>,
    /// The access token's id, for the audit log.
    pub token_id: String,
    /// The session (refresh family) of the token; none for tokens from before sessions
    /// were named in them.
    pub session_id: Option<String>,
}

/// A logged-in user who may still have to change the password: only for the few
/// endpoints that must work before that (change password, log out, read own profile).
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: AuthUser,
    pub must_change_password: bool,
}

/// The token of the `Authorization: Bearer` header: none is 401 `MissingToken`, another
/// scheme or an empty token 401 `InvalidToken`.
pub(super) fn bearer_token(req: &HttpRequest) -> Result<&str, ApiError> {
    let header = req
        .headers()
        .get(AUTHORIZATION)
        .ok_or(ApiError::from(Refusal::MissingToken))?;
    header
        .to_str()
        .ok()
        .and_then(crate::platform::http::metrics_access::bearer)
        .ok_or(ApiError::from(Refusal::InvalidToken))
}

/// The bearer token's claims, checked for signature, expiry and issuer.
fn verified_claims(req: &HttpRequest) -> Result<super::tokens::Claims, ApiError> {
    let keys = req
        .app_data::<web::Data<TokenKeys>>()
        .ok_or_else(|| ApiError::internal("session keys missing"))?;
    keys.verify(bearer_token(req)?)
        .ok_or(ApiError::from(Refusal::InvalidToken))
}

/// This instance's revocations, read again from the database when a second has passed
/// (one request does it; the others go on with what is known).
pub(super) async fn fresh_revocations(
    req: &HttpRequest,
) -> Result<std::sync::Arc<super::Revocations>, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let revocations = state.revocations.clone();
    if revocations.claim_sync() {
        let shared = revocations.clone();
        let synced = state
            .db
            .run(move |conn| shared.sync(conn, Utc::now().naive_utc()))
            .await;
        // Also when the pool gave no connection: the next request tries again.
        revocations.release_sync();
        synced?;
    }
    Ok(revocations)
}

async fn authenticate(req: HttpRequest) -> Result<SessionUser, ApiError> {
    let claims = verified_claims(&req)?;
    let revocations = fresh_revocations(&req).await?;
    if revocations.is_revoked(&claims.sub, claims.gen, claims.sid.as_deref()) {
        return Err(Refusal::InvalidToken.into());
    }
    Ok(SessionUser {
        must_change_password: claims.mcp,
        user: AuthUser {
            account_id: AccountId::new(claims.sub),
            role: claims.role,
            label: claims.label,
            permissions: claims.perms,
            token_id: claims.jti,
            session_id: claims.sid,
        },
    })
}

impl FromRequest for SessionUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<SessionUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(authenticate(req.clone()))
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = authenticate(req.clone()).await?;
            if session.must_change_password {
                return Err(Refusal::PasswordChangeRequired.into());
            }
            let table = req
                .app_data::<web::Data<RoutePermissions>>()
                .ok_or_else(|| ApiError::internal("route permissions missing"))?;
            let pattern = req.match_pattern().unwrap_or_default();
            match table.missing(req.method(), &pattern, &session.user.permissions) {
                Some(missing) => Err(Refusal::MissingPermission(missing).into()),
                None => Ok(session.user),
            }
        })
    }
}
