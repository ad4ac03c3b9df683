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
    let current = open_state(conn, key, now)?;
    sessions::save_throttle_state(conn, key, &rule.after_failure(current, now))?;
    Ok(())
}

/// Refuses with 429 while `key` is locked, counting nothing: for quotas that count only
/// failures, checked before the request is served.
pub fn ensure_open(conn: &mut DbConnection, key: &str) -> Result<(), ApiError> {
    open_state(conn, key, Utc::now().naive_utc()).map(|_| ())
}

fn open_state(
    conn: &mut DbConnection,
    key: &str,
    now: chrono::NaiveDateTime,
) -> Result<Option<crate::domain::login_throttle::ThrottleState>, ApiError> {
    let current = sessions::throttle_state(conn, key)?;
    if let Some(until) = ThrottleRule::locked(current.as_ref(), now) {
        return Err(retry_after(until, now));
    }
    Ok(current)
}
