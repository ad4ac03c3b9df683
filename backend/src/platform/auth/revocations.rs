//! Ending access tokens before they expire, at the cost of two map look-ups a request.
//!
//! An access token lives 15 minutes and is checked without the database. To end it
//! earlier, an event is written to `session_revocations` in the same transaction as
//! the change that calls for it: either the account's *generation* rises (a lock, a
//! password change or reset, a change of groups, "log out everywhere": every token
//! issued before carries an older generation) or one *session* ends ("log out": the
//! token's refresh family). Every instance keeps the events of the last minutes in
//! memory; the instance that writes one reads it at once, the others within a second
//! (the first request after that second reads what is new). Events older than a
//! token's life cannot concern a valid token and are forgotten.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::RwLock;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::tokens::ACCESS_TOKEN_TTL;
use crate::platform::db::schema::session_revocations;
use crate::platform::db::{DbConnection, DbError};

/// How often an instance reads the events other instances wrote.
const SYNC_EVERY: Duration = Duration::from_secs(1);

/// An event older than this concerns only expired tokens (the token's life plus the
/// verifier's leeway and a margin).
fn memory() -> chrono::Duration {
    ACCESS_TOKEN_TTL + chrono::Duration::minutes(2)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = session_revocations)]
struct EventRow {
    id: i64,
    account_id: String,
    generation: Option<i64>,
    family_id: Option<String>,
    created_at: NaiveDateTime,
}

#[derive(Default)]
struct Known {
    /// Account → (latest generation, when it rose).
    generations: HashMap<String, (i64, NaiveDateTime)>,
    /// Ended sessions (refresh families) → when.
    sessions: HashMap<String, NaiveDateTime>,
    /// The last event read.
    cursor: Option<i64>,
    synced_at: Option<Instant>,
}

/// This instance's knowledge of revoked tokens; one per server, shared by its workers.
#[derive(Default)]
pub struct Revocations {
    known: RwLock<Known>,
    syncing: AtomicBool,
}

impl Revocations {
    /// Whether a token of `account` with `generation` and `session` was ended.
    pub fn is_revoked(&self, account: &str, generation: i64, session: Option<&str>) -> bool {
        let Ok(known) = self.known.read() else {
            return true;
        };
        let newer = known
            .generations
            .get(account)
            .is_some_and(|(latest, _)| generation < *latest);
        newer || session.is_some_and(|s| known.sessions.contains_key(s))
    }

    /// True when the events have not been read for a second; only one caller at a time
    /// is told so, and it must call [`Revocations::release_sync`] afterwards, whether
    /// its [`Revocations::sync`] ran or not.
    pub fn claim_sync(&self) -> bool {
        let due = self
            .known
            .read()
            .map(|k| k.synced_at.is_none_or(|at| at.elapsed() >= SYNC_EVERY))
            .unwrap_or(true);
        due && !self.syncing.swap(true, Ordering::AcqRel)
    }

    pub fn release_sync(&self) {
        self.syncing.store(false, Ordering::Release);
    }

    /// Reads the events written since the last read (the first time: those that can
    /// still concern a valid token) and forgets the old ones.
    pub fn sync(&self, conn: &mut DbConnection, now: NaiveDateTime) -> Result<(), DbError> {
        let horizon = now - memory();
        let cursor = self.known.read().map(|k| k.cursor).unwrap_or(None);
        let mut query = session_revocations::table
            .select(EventRow::as_select())
            .order(session_revocations::id.asc())
            .into_boxed();
        query = match cursor {
            Some(cursor) => query.filter(session_revocations::id.gt(cursor)),
            None => query.filter(session_revocations::created_at.ge(horizon)),
        };
        let events: Vec<EventRow> = query.load(conn)?;
        // The first read starts the cursor after every event written so far, so that
        // the events older than the window are never read.
        let newest: Option<i64> = match cursor {
            Some(_) => None,
            None => session_revocations::table
                .select(diesel::dsl::max(session_revocations::id))
                .first(conn)?,
        };
        let mut known = self
            .known
            .write()
            .map_err(|_| DbError::Blocking("revocations lock poisoned".to_owned()))?;
        for event in events {
            known.cursor = Some(known.cursor.map_or(event.id, |c| c.max(event.id)));
            if let Some(generation) = event.generation {
                let entry = known
                    .generations
                    .entry(event.account_id)
                    .or_insert((generation, event.created_at));
                if generation >= entry.0 {
                    *entry = (generation, event.created_at);
                }
            }
            if let Some(family) = event.family_id {
                known.sessions.insert(family, event.created_at);
            }
        }
        if cursor.is_none() {
            known.cursor = Some(known.cursor.unwrap_or(0).max(newest.unwrap_or(0)));
        }
        known.generations.retain(|_, (_, at)| *at >= horizon);
        known.sessions.retain(|_, at| *at >= horizon);
        known.synced_at = Some(Instant::now());
        Ok(())
    }
}

/// The account's current generation: what a token issued now carries.
pub fn current_generation(conn: &mut DbConnection, account_id: &str) -> Result<i64, DbError> {
    let latest: Option<i64> = session_revocations::table
        .filter(session_revocations::account_id.eq(account_id))
        .select(diesel::dsl::max(session_revocations::generation))
        .first(conn)?;
    Ok(latest.unwrap_or(0))
}

/// Voids every access token of the account issued until now (its refresh tokens stay:
/// a refresh gets a token with what changed); returns the new generation.
pub fn void_tokens(
    conn: &mut DbConnection,
    account_id: &str,
    now: NaiveDateTime,
) -> Result<i64, DbError> {
    let generation = current_generation(conn, account_id)? + 1;
    diesel::insert_into(session_revocations::table)
        .values((
            session_revocations::account_id.eq(account_id),
            session_revocations::generation.eq(Some(generation)),
            session_revocations::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(generation)
}

/// Voids the access tokens of one session (a refresh family).
pub fn void_session_tokens(
    conn: &mut DbConnection,
    account_id: &str,
    family_id: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(session_revocations::table)
        .values((
            session_revocations::account_id.eq(account_id),
            session_revocations::family_id.eq(Some(family_id)),
            session_revocations::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
