//! The tamper-evident audit log (SPEC §8): who did what to whom, why, from where and when.
//! Entries are only ever appended; each carries the hash of the one before, so
//! [`verify_chain`] finds any entry edited or deleted in the database afterwards.
//!
//! What a hash chain cannot see by itself: removing the newest entries (truncating the
//! tail) leaves a shorter chain that is still intact. Each append therefore logs the new
//! head (id and hash) to the application log, and `portale audit verify --anchor ID:HASH`
//! checks that a head noted earlier is still there.

pub mod actions;
pub mod api;
pub mod chain;
pub mod store;
pub mod verify;

/// What other features read of the log (the citizen's access log).
pub use store::{search as search_entries, AuditFilter};
pub use verify::{verify_chain, verify_chain_with_anchor, ChainProblem, ChainReport};

use chrono::Utc;
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::audit::store::AuditRow;
use crate::platform::db::schema::audit_log;
use crate::platform::db::{DbConnection, DbError};
use chain::{entry_hash, truncate_timestamp, GENESIS_HASH};

/// Who acted: an account, or the system / an anonymous visitor.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub id: Option<&'a str>,
    pub label: &'a str,
}

impl<'a> Actor<'a> {
    /// The logged-in caller of a request.
    pub fn user(user: &'a crate::platform::auth::AuthUser) -> Actor<'a> {
        Actor {
            id: Some(&user.account_id),
            label: &user.label,
        }
    }
}

impl Actor<'static> {
    /// The portal itself (jobs, command line).
    pub const SYSTEM: Actor<'static> = Actor {
        id: None,
        label: "sistema",
    };
    /// A visitor who is not logged in.
    pub const ANONYMOUS: Actor<'static> = Actor {
        id: None,
        label: "anonimo",
    };
}

/// Where the request came from: the client address and the request id, which the
/// handler reads from the request (see `audit::api`).
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub ip: Option<String>,
    pub request_id: Option<String>,
}

/// One thing to record. `action` should be one of [`actions`]' constants.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    pub actor: Actor<'a>,
    pub action: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub details: serde_json::Value,
}

impl<'a> AuditEntry<'a> {
    /// An entry with no subject, reason or details; set the other fields as needed.
    pub fn new(actor: Actor<'a>, action: &'a str) -> AuditEntry<'a> {
        AuditEntry {
            actor,
            action,
            subject_type: None,
            subject_id: None,
            reason: None,
            details: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn subject(mut self, subject_type: &'a str, subject_id: &'a str) -> AuditEntry<'a> {
        self.subject_type = Some(subject_type);
        self.subject_id = Some(subject_id);
        self
    }
}

/// Arbitrary, fixed key of the PostgreSQL advisory lock that serialises appends.
const APPEND_LOCK_KEY: i64 = 0x7061_7564_6974_6c67; // "pauditlg" in ASCII

/// Appends one entry to the chain; safe under concurrent appends on both databases; may
/// be called inside an outer transaction.
///
/// Ids are assigned here (the previous id + 1) under the lock, never by the sequence, so a
/// rolled-back append leaves no gap that would look like a deleted entry.
/// On PostgreSQL a transaction-scoped advisory lock serialises appends; inside an outer
/// transaction it is held until that transaction ends. On SQLite a write lock is taken
/// up front (`BEGIN IMMEDIATE`); inside an outer transaction (a savepoint here) SQLite's
/// single writer still prevents a fork, but an outer transaction that only read so far
/// may fail with "database is locked" under contention, so write-heavy callers should
/// record outside or after their first write.
#[tracing::instrument(skip_all, fields(action = entry.action))]
pub fn record(
    conn: &mut DbConnection,
    origin: &Origin,
    entry: AuditEntry<'_>,
) -> Result<(), DbError> {
    let occurred_at = truncate_timestamp(Utc::now().naive_utc());
    let details = entry.details.to_string();
    let seal = |last: Option<(i64, String)>| {
        let (prev_id, prev_hash) = last.unwrap_or_else(|| (0, GENESIS_HASH.to_owned()));
        let mut row = AuditRow {
            id: prev_id + 1,
            occurred_at,
            actor_id: entry.actor.id.map(str::to_owned),
            actor_label: entry.actor.label.to_owned(),
            action: entry.action.to_owned(),
            subject_type: entry.subject_type.map(str::to_owned),
            subject_id: entry.subject_id.map(str::to_owned),
            reason: entry.reason.map(str::to_owned),
            ip: origin.ip.clone(),
            request_id: origin.request_id.clone(),
            details: details.clone(),
            prev_hash,
            hash: String::new(),
        };
        row.hash = entry_hash(&row.hashed_fields());
        row
    };
    macro_rules! append {
        ($conn:expr) => {{
            let last = audit_log::table
                .order(audit_log::id.desc())
                .select((audit_log::id, audit_log::hash))
                .first::<(i64, String)>($conn)
                .optional()?;
            let row = seal(last);
            diesel::insert_into(audit_log::table)
                .values(&row)
                .execute($conn)?;
            Ok::<_, diesel::result::Error>(row)
        }};
    }
    let row = match conn {
        DbConnection::Postgresql(c) => c.transaction(|c| {
            diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
                .bind::<BigInt, _>(APPEND_LOCK_KEY)
                .execute(c)?;
            append!(c)
        })?,
        DbConnection::Sqlite(c) => {
            let nested = AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .is_some();
            if nested {
                c.transaction(|c| append!(c))?
            } else {
                c.immediate_transaction(|c| append!(c))?
            }
        }
    };
    // The head, outside the database: the anchor that reveals a truncated tail.
    tracing::info!(
        audit_id = row.id,
        audit_hash = %row.hash,
        action = %row.action,
        "audit entry appended"
    );
    Ok(())
}
