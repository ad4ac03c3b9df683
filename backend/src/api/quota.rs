//! Quotas on requests that are fine in small numbers and abusive in bulk (sign-ups
//! from one address, look-ups of other people, verifications): each request counts
//! one, and past the rule's limit the caller waits, with `Retry-After`.

use chrono::Utc;

use crate::auth::session::retry_after;
use crate::db::{sessions, DbConnection};
use crate::domain::login_throttle::ThrottleRule;
use crate::error::ApiError;

/// Counts one request against `key`; refuses it with 429 while the key is locked.
/// Stored in the database, so every instance of a city's portal shares the count.
pub fn charge(conn: &mut DbConnection, key: &str, rule: &ThrottleRule) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let current = sessions::throttle_state(conn, key)?;
    if let Some(until) = ThrottleRule::locked(current.as_ref(), now) {
        return Err(retry_after(until, now));
    }
    sessions::save_throttle_state(conn, key, &rule.after_failure(current, now))?;
    Ok(())
}
