//! One throttle for every request that is fine in small numbers and abusive in bulk:
//! failed logins per account and per address, sign-ups from one address, look-ups of
//! other people, failed verifications. The pure rule (`rule`) says when a key locks,
//! the store keeps the count in the database (so every instance of a city's portal
//! shares it), and a locked key answers [`Throttled`], which the HTTP edge renders as
//! 429 with `Retry-After`.

pub mod rule;
pub mod store;

use chrono::{NaiveDateTime, Utc};

use crate::platform::db::{DbConnection, DbError};
use rule::{ThrottleRule, ThrottleState};

/// A key is locked: the caller may try again after `retry_after_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("throttled; retry after {retry_after_secs} s")]
pub struct Throttled {
    pub retry_after_secs: u64,
}

impl Throttled {
    /// The refusal for a lock that lasts until `until`.
    pub fn until(until: NaiveDateTime, now: NaiveDateTime) -> Throttled {
        Throttled {
            retry_after_secs: u64::try_from((until - now).num_seconds().max(1)).unwrap_or(60),
        }
    }
}

/// Either the key is locked, or the database failed.
#[derive(Debug, thiserror::Error)]
pub enum ThrottleError {
    #[error(transparent)]
    Throttled(#[from] Throttled),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for ThrottleError {
    fn from(error: diesel::result::Error) -> ThrottleError {
        ThrottleError::Db(error.into())
    }
}

/// Counts one request against `key`; refuses it while the key is locked.
pub fn charge(
    conn: &mut DbConnection,
    key: &str,
    rule: &ThrottleRule,
) -> Result<(), ThrottleError> {
    let now = Utc::now().naive_utc();
    let current = open_state(conn, key, now)?;
    store::save(conn, key, &rule.after_failure(current, now))?;
    Ok(())
}

/// Refuses while `key` is locked, counting nothing: for quotas that count only
/// failures, checked before the request is served.
pub fn ensure_open(conn: &mut DbConnection, key: &str) -> Result<(), ThrottleError> {
    open_state(conn, key, Utc::now().naive_utc()).map(|_| ())
}

/// Counts one failure against `key` under `rule` (the caller has already checked it open).
pub fn count_failure(
    conn: &mut DbConnection,
    key: &str,
    rule: &ThrottleRule,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let state = store::load(conn, key)?;
    store::save(conn, key, &rule.after_failure(state, now))
}

/// Forgets `key`'s failures (a successful login).
pub fn clear(conn: &mut DbConnection, key: &str) -> Result<(), DbError> {
    store::clear(conn, key)
}

fn open_state(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
) -> Result<Option<ThrottleState>, ThrottleError> {
    let current = store::load(conn, key)?;
    if let Some(until) = ThrottleRule::locked(current.as_ref(), now) {
        return Err(Throttled::until(until, now).into());
    }
    Ok(current)
}
