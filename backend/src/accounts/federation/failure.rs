//! Why a SPID/CIE login did not end in a session. Each failure is audit-logged with its
//! detail and shown to the citizen as a page naming it in plain words (the SPA reads
//! the code from the address it is sent back to).

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
            LoginFailure::ProviderRefused { error, .. } if error == "access_denied" => "login_cancelled",
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
