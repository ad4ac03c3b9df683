//! Why a SPID/CIE login did not end in a session. Each failure is audit-logged with its
//! detail and shown to the citizen as a page naming it in plain words (the SPA reads
//! the code from the address it is sent back to).

use chrono::Utc;
use serde_json::json;

use super::FederationLogin;
use crate::accounts::store::federation_logins;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::db::Database;
use crate::platform::federation::FederationError;

#[derive(Debug, thiserror::Error)]
pub enum LoginFailure {
    #[error("unknown identity provider")]
    UnknownProvider,
    #[error("identity provider not trusted: {0}")]
    Untrusted(FederationError),
    #[error("identity provider unreachable: {0}")]
    Unreachable(String),
    #[error("the identity provider answered {error}: {description}")]
    ProviderRefused { error: String, description: String },
    #[error("unknown, used or expired login state")]
    StateInvalid,
    #[error("token endpoint refused the code: {0}")]
    TokenRefused(String),
    #[error("ID token: {0}")]
    IdToken(&'static str),
    #[error("userinfo: {0}")]
    Userinfo(String),
    #[error("no codice fiscale from the identity provider")]
    FiscalNumberMissing,
    #[error("the identity provider's codice fiscale is not valid")]
    FiscalNumberInvalid,
    #[error("account {0}")]
    Account(&'static str),
    #[error("{0}")]
    Internal(String),
}

impl LoginFailure {
    /// The stable code the SPA's result page and the audit log use.
    pub fn code(&self) -> &'static str {
        match self {
            LoginFailure::UnknownProvider => "unknown_provider",
            LoginFailure::Untrusted(_) => "provider_untrusted",
            LoginFailure::Unreachable(_) => "provider_unreachable",
            LoginFailure::ProviderRefused { error, .. } if error == "access_denied" => {
                "login_cancelled"
            }
            LoginFailure::ProviderRefused { .. } => "provider_error",
            LoginFailure::StateInvalid => "login_expired",
            LoginFailure::TokenRefused(_) => "token_refused",
            LoginFailure::IdToken(code) => code,
            LoginFailure::Userinfo(_) => "userinfo_invalid",
            LoginFailure::FiscalNumberMissing => "fiscal_number_missing",
            LoginFailure::FiscalNumberInvalid => "fiscal_number_invalid",
            LoginFailure::Account(code) => code,
            LoginFailure::Internal(_) => "internal_error",
        }
    }
}

impl From<FederationError> for LoginFailure {
    fn from(error: FederationError) -> LoginFailure {
        match error {
            FederationError::Unreachable { .. } => LoginFailure::Unreachable(error.to_string()),
            other => LoginFailure::Untrusted(other),
        }
    }
}

impl From<crate::platform::db::DbError> for LoginFailure {
    fn from(error: crate::platform::db::DbError) -> LoginFailure {
        LoginFailure::Internal(error.to_string())
    }
}

impl From<crate::accounts::Error> for LoginFailure {
    fn from(error: crate::accounts::Error) -> LoginFailure {
        LoginFailure::Internal(error.to_string())
    }
}

impl From<diesel::result::Error> for LoginFailure {
    fn from(error: diesel::result::Error) -> LoginFailure {
        LoginFailure::Internal(error.to_string())
    }
}

/// A failed login in the audit log (with which provider and why) and its row, if any,
/// closed so nothing of it can be used again.
pub async fn record(
    login: &FederationLogin,
    db: &Database,
    origin: Origin,
    provider: Option<String>,
    state: Option<String>,
    failure: &LoginFailure,
) {
    tracing::info!(code = failure.code(), %failure, "SPID/CIE login refused");
    let kind = provider
        .as_deref()
        .and_then(|id| login.provider(id))
        .map_or("spid", |p| p.kind.as_str());
    let details = json!({
        "method": kind,
        "provider": provider,
        "code": failure.code(),
        "reason": failure.to_string(),
    });
    let result = db
        .run(move |conn| {
            if let Some(state) = &state {
                federation_logins::fail(conn, state, Utc::now().naive_utc())?;
            }
            let label = format!("accesso {kind}");
            let actor = Actor {
                id: None,
                label: &label,
            };
            let mut entry = AuditEntry::new(actor, actions::AUTH_LOGIN_FAILED);
            entry.details = details;
            audit::record(conn, &origin, entry)
        })
        .await;
    if let Err(error) = result {
        tracing::error!(%error, "could not record a failed SPID/CIE login");
    }
}
