//! What can go wrong in the accounts feature, in its own words.

use crate::accounts::rules::privileges::Overreach;
use crate::accounts::rules::username::UsernameProblem;
use crate::platform::db::DbError;
use crate::platform::throttle::{ThrottleError, Throttled};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Wrong user id or password: one answer for both, so neither is revealed.
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    #[error("account pending identification")]
    PendingIdentification,
    #[error("account locked")]
    Locked,
    #[error("registration rejected")]
    Rejected,
    /// Registration with a password is switched off in this municipality (SPEC §2).
    #[error("registration closed")]
    RegistrationClosed,
    /// Smart-card login without a client certificate on the connection.
    #[error("no smart card")]
    SmartCardMissing,
    /// A verified certificate whose subject names no valid codice fiscale.
    #[error("smart card without a valid codice fiscale")]
    SmartCardUnreadable,
    /// A valid card whose codice fiscale has no account here.
    #[error("smart card not registered")]
    SmartCardNotRegistered,
    /// The ticket of a SPID/CIE login is unknown, used or expired.
    #[error("invalid login ticket")]
    LoginTicketInvalid,
    /// A back-office change beyond what the actor may do.
    #[error("overreach: {0:?}")]
    Overreach(Overreach),
    /// The change would leave no active account able to manage accounts and groups.
    #[error("last administrator")]
    LastAdministrator,
    /// A new staff account's user name breaks the rules.
    #[error("bad user name: {0:?}")]
    BadUsername(UsernameProblem),
    /// Another account has the user name.
    #[error("user name taken")]
    UsernameTaken,
    /// Groups asked for a new account that do not exist.
    #[error("unknown groups: {0:?}")]
    UnknownGroups(Vec<String>),
    /// `admin create` on an installation that has active administrators (their number).
    #[error("{0} active administrator(s) exist already")]
    AdministratorExists(usize),
    #[error(transparent)]
    Throttled(#[from] Throttled),
    /// The session token could not be made.
    #[error("session token: {0}")]
    Token(String),
    /// An account row carries a value no version of the portal writes.
    #[error("corrupt account: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl Error {
    /// Stable snake_case code, also in the audit log's failed-login entries.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidCredentials => "invalid_credentials",
            Error::InvalidRefreshToken => "invalid_refresh_token",
            Error::PendingIdentification => "account_pending_identification",
            Error::Locked => "account_locked",
            Error::Rejected => "account_rejected",
            Error::RegistrationClosed => "registration_closed",
            Error::SmartCardMissing => "smart_card_required",
            Error::SmartCardUnreadable => "smart_card_unreadable",
            Error::SmartCardNotRegistered => "smart_card_not_registered",
            Error::LoginTicketInvalid => "login_ticket_invalid",
            Error::Overreach(Overreach::OwnGroups) => "own_groups",
            Error::Overreach(Overreach::BeyondOwnPermissions) => "beyond_own_permissions",
            Error::Overreach(Overreach::MorePrivilegedAccount) => "more_privileged_account",
            Error::Overreach(Overreach::AdministrationWithoutGroupsManage) => {
                "administration_requires_groups_manage"
            }
            Error::Overreach(Overreach::StaffGroupForCitizen) => "staff_group_for_citizen",
            Error::LastAdministrator => "last_administrator",
            Error::BadUsername(_) | Error::UnknownGroups(_) => "validation_failed",
            Error::UsernameTaken => "username_taken",
            Error::AdministratorExists(_) => "administrator_exists",
            Error::Throttled(_) => "too_many_requests",
            Error::Token(_) | Error::Corrupt(_) | Error::Db(_) => "internal_error",
        }
    }
}

impl From<ThrottleError> for Error {
    fn from(error: ThrottleError) -> Error {
        match error {
            ThrottleError::Throttled(throttled) => Error::Throttled(throttled),
            ThrottleError::Db(db) => Error::Db(db),
        }
    }
}

impl From<diesel::result::Error> for Error {
    fn from(error: diesel::result::Error) -> Error {
        Error::Db(error.into())
    }
}

impl From<Overreach> for Error {
    fn from(overreach: Overreach) -> Error {
        Error::Overreach(overreach)
    }
}
