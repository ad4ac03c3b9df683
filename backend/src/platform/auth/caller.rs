//! Who is calling: the `AuthUser` extractor reads and checks the bearer token, then the
//! permissions the endpoint declares in its OpenAPI `security` (see `route_permissions`).

use std::collections::BTreeSet;
use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{web, FromRequest, HttpRequest};

use super::route_permissions::RoutePermissions;
use super::{AccountId, Refusal};
use crate::platform::auth::permissions::{Permission, Role};
use crate::platform::auth::tokens::TokenKeys;
use crate::platform::http::error::ApiError;

/// A logged-in user whose password needs no change.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub account_id: AccountId,
    pub role: Role,
    pub label: String,
    pub permissions: BTreeSet<Permission>,
    /// The access token's id, for the audit log.
    pub token_id: String,
}

/// A logged-in user who may still have to change the password: only for the few
/// endpoints that must work before that (change password, log out, read own profile).
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: AuthUser,
    pub must_change_password: bool,
}

fn authenticate(req: &HttpRequest) -> Result<SessionUser, ApiError> {
    let keys = req
        .app_data::<web::Data<TokenKeys>>()
        .ok_or_else(|| ApiError::internal("session keys missing"))?;
    let header = req
        .headers()
        .get(AUTHORIZATION)
        .ok_or(ApiError::from(Refusal::MissingToken))?;
    let token = header
        .to_str()
        .ok()
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or(ApiError::from(Refusal::InvalidToken))?;
    let claims = keys
        .verify(token)
        .ok_or(ApiError::from(Refusal::InvalidToken))?;
    Ok(SessionUser {
        must_change_password: claims.mcp,
        user: AuthUser {
            account_id: AccountId::new(claims.sub),
            role: claims.role,
            label: claims.label,
            permissions: claims.perms,
            token_id: claims.jti,
        },
    })
}

impl FromRequest for SessionUser {
    type Error = ApiError;
    type Future = Ready<Result<SessionUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req))
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Ready<Result<AuthUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(authenticate(req).and_then(|session| {
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
        }))
    }
}
