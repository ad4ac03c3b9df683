//! Login attempts in the audit log, the same way for every login method.

use super::session::IssuedSession;
use crate::accounts::Error;
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::db::DbConnection;
use crate::platform::db::DbError;

/// Appends a login attempt to the audit log: a success under the account, a failure
/// under the name that was tried, with the error's code. `details` says more (the smart
/// card's certificate); a failure's code is added to it.
pub fn record_login(
    conn: &mut DbConnection,
    origin: &Origin,
    outcome: &Result<IssuedSession, Error>,
    attempted: &str,
    details: Option<serde_json::Map<String, serde_json::Value>>,
) -> Result<(), DbError> {
    let mut entry = match outcome {
        Ok(issued) => {
            let actor = Actor {
                id: Some(&issued.account_id),
                label: &issued.label,
            };
            AuditEntry::new(actor, actions::AUTH_LOGIN_SUCCEEDED)
                .subject("account", &issued.account_id)
        }
        Err(_) => {
            let actor = Actor {
                id: None,
                label: attempted,
            };
            AuditEntry::new(actor, actions::AUTH_LOGIN_FAILED)
        }
    };
    let mut details = details.unwrap_or_default();
    if let Err(error) = outcome {
        details.insert("code".to_owned(), error.code().into());
    }
    entry.details = serde_json::Value::Object(details);
    audit::record(conn, origin, entry)?;
    Ok(())
}
