//! Who is calling: the `AuthUser` extractor reads and checks the bearer token. Handlers
//! name the permission they need with `user.require(Permission::…)?` as their first line.

use std::collections::BTreeSet;
use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::header::AUTHORIZATION;
use actix_web::{web, FromRequest, HttpRequest};

use crate::domain::permissions::{Permission, Role};
use crate::error::{ApiError, AuthFailure, Denial};
use crate::AppState;

/// A logged-in user whose password needs no change.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub account_id: String,
    pub role: Role,
    pub label: String,
    pub permissions: BTreeSet<Permission>,
    /// The access token's id, for the audit log.
    pub token_id: String,
}

impl AuthUser {
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.permissions.contains(&permission) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(Denial::MissingPermission(permission)))
        }
    }

    /// For a read that serves several jobs: any one of `permissions` will do; a refusal
    /// names the first.
    pub fn require_any(&self, permissions: &[Permission]) -> Result<(), ApiError> {
        if permissions.iter().any(|p| self.permissions.contains(p)) {
            return Ok(());
        }
        Err(ApiError::Forbidden(match permissions.first() {
            Some(first) => Denial::MissingPermission(*first),
            None => Denial::NotAllowed,
        }))
    }
}

/// A logged-in user who may still have to change the password: only for the few
/// endpoints that must work before that (change password, log out, read own profile).
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: AuthUser,
    pub must_change_password: bool,
}

fn authenticate(req: &HttpRequest) -> Result<SessionUser, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let header = req
        .headers()
        .get(AUTHORIZATION)
        .ok_or(ApiError::Unauthorized(AuthFailure::MissingToken))?;
    let token = header
        .to_str()
        .ok()
        .and_then(|value| {
            value
                .strip_prefix("Bearer ")
                .or_else(|| value.strip_prefix("bearer "))
        })
        .map(str::trim)
        .ok_or(ApiError::Unauthorized(AuthFailure::InvalidToken))?;
    let claims = state
        .tokens
        .verify(token)
        .ok_or(ApiError::Unauthorized(AuthFailure::InvalidToken))?;
    Ok(SessionUser {
        must_change_password: claims.mcp,
        user: AuthUser {
            account_id: claims.sub,
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
                Err(ApiError::Forbidden(Denial::PasswordChangeRequired))
            } else {
                Ok(session.user)
            }
        }))
    }
}
