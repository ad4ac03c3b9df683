//! The audit log's rows and read queries. Appending lives in `crate::audit::record`,
//! the one writer, because it must lock per dialect.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::audit::chain::HashedFields;
use crate::platform::db::schema::audit_log;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, PartialEq, Eq, Insertable, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRow {
    /// What the stored hash should cover.
    pub fn hashed_fields(&self) -> HashedFields<'_> {
        HashedFields {
            prev_hash: &self.prev_hash,
            occurred_at: self.occurred_at,
            actor_id: self.actor_id.as_deref(),
            actor_label: &self.actor_label,
            action: &self.action,
            subject_type: self.subject_type.as_deref(),
            subject_id: self.subject_id.as_deref(),
            reason: self.reason.as_deref(),
            ip: self.ip.as_deref(),
            request_id: self.request_id.as_deref(),
            details: &self.details,
        }
    }
}

/// Up to `limit` entries after `after_id`, in id order: the unit of a streaming walk.
pub fn page_after(
    conn: &mut DbConnection,
    after_id: i64,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::id.gt(after_id))
        .order(audit_log::id.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// The newest entry's id and hash.
pub fn head(conn: &mut DbConnection) -> Result<Option<(i64, String)>, DbError> {
    Ok(audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::id, audit_log::hash))
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut DbConnection, id: i64) -> Result<Option<AuditRow>, DbError> {
    Ok(audit_log::table
        .find(id)
        .select(AuditRow::as_select())
        .first(conn)
        .optional()?)
}

/// What the log viewer filters by; every field optional, all of them combined.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// From this instant (UTC), included.
    pub from: Option<NaiveDateTime>,
    /// Up to this instant (UTC), excluded.
    pub to: Option<NaiveDateTime>,
    /// An account id, or part of the actor's name (case-insensitive for ASCII letters).
    pub actor: Option<String>,
    /// The subject's id, exactly.
    pub subject: Option<String>,
    /// The action code, exactly.
    pub action: Option<String>,
}

use crate::platform::db::lower;

fn filtered(
    filter: &AuditFilter,
) -> audit_log::BoxedQuery<'static, crate::platform::db::MultiBackend> {
    let mut query = audit_log::table.into_boxed();
    if let Some(from) = filter.from {
        query = query.filter(audit_log::occurred_at.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_log::occurred_at.lt(to));
    }
    if let Some(actor) = filter.actor.clone() {
        // Case folding of non-ASCII letters depends on the database (SQLite folds ASCII
        // only), so the name as typed matches too.
        let exact = format!("%{}%", escape_like(&actor));
        let folded = format!("%{}%", escape_like(&actor.to_lowercase()));
        query = query.filter(
            audit_log::actor_id
                .eq(actor)
                .or(audit_log::actor_label.like(exact).escape('\\'))
                .or(lower(audit_log::actor_label).like(folded).escape('\\')),
        );
    }
    if let Some(subject) = filter.subject.clone() {
        query = query.filter(audit_log::subject_id.eq(subject));
    }
    if let Some(action) = filter.action.clone() {
        query = query.filter(audit_log::action.eq(action));
    }
    query
}

fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// One page of matching entries, newest first.
#[tracing::instrument(skip(conn))]
pub fn search(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    offset: i64,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    Ok(filtered(filter)
        .order(audit_log::id.desc())
        .offset(offset)
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}

#[tracing::instrument(skip(conn))]
pub fn count(conn: &mut DbConnection, filter: &AuditFilter) -> Result<i64, DbError> {
    Ok(filtered(filter).count().get_result(conn)?)
}

/// Matching entries older than `before_id` (all when `None`), newest first: the keyset
/// page of a streamed export, which stays fast however deep it goes.
#[tracing::instrument(skip(conn))]
pub fn search_before(
    conn: &mut DbConnection,
    filter: &AuditFilter,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>, DbError> {
    let mut query = filtered(filter);
    if let Some(before_id) = before_id {
        query = query.filter(audit_log::id.lt(before_id));
    }
    Ok(query
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)?)
}
