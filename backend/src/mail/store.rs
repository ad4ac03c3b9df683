//! The mail outbox: rows written by `mail::enqueue` inside the caller's transaction and
//! moved along `pending → sent | failed` by the delivery worker.
//!
//! `recipients` and `cc` hold JSON arrays of addresses (`["a@example.it"]`; `cc` is NULL
//! when empty): unambiguous, and readable with `json_each` / `jsonb_array_elements`.
//! Times are UTC.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::platform::db::schema::{mail_attachments, mail_outbox};
use crate::platform::db::{DbConnection, DbError};

/// Where a mail is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum MailStatus {
    /// Waiting for its first or next delivery attempt.
    Pending,
    /// Accepted by the SMTP relay (or written as a file when no relay is configured).
    Sent,
    /// Refused permanently, or out of attempts; an administrator may retry it.
    Failed,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Pending => "pending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }

    pub fn parse(value: &str) -> Option<MailStatus> {
        match value {
            "pending" => Some(MailStatus::Pending),
            "sent" => Some(MailStatus::Sent),
            "failed" => Some(MailStatus::Failed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct OutboxRow {
    pub id: String,
    pub created_at: NaiveDateTime,
    pub recipients: String,
    pub cc: Option<String>,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = mail_attachments)]
pub struct NewAttachmentRow<'a> {
    pub mail_id: &'a str,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_attachments)]
pub struct AttachmentRow {
    pub file_name: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

/// An outbox entry without its body and attachment contents, for administrators.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct OutboxSummaryRow {
    pub id: String,
    pub created_at: NaiveDateTime,
    pub recipients: String,
    pub cc: Option<String>,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentInfo {
    pub mail_id: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i32,
}

diesel::define_sql_function! {
    /// Bytes in a BLOB (SQLite) or BYTEA (PostgreSQL).
    fn length(x: diesel::sql_types::Binary) -> diesel::sql_types::Integer;
}

pub fn insert(
    conn: &mut DbConnection,
    row: &OutboxRow,
    attachments: &[NewAttachmentRow<'_>],
) -> Result<(), DbError> {
    diesel::insert_into(mail_outbox::table)
        .values(row)
        .execute(conn)?;
    for attachment in attachments {
        diesel::insert_into(mail_attachments::table)
            .values(attachment)
            .execute(conn)?;
    }
    Ok(())
}

/// Pending mails whose time has come, oldest first: `(id, attempts)` pairs to claim.
#[tracing::instrument(skip(conn))]
pub fn due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<(String, i32)>, DbError> {
    Ok(mail_outbox::table
        .filter(mail_outbox::status.eq(MailStatus::Pending.as_str()))
        .filter(mail_outbox::next_attempt_at.le(now))
        .order((mail_outbox::next_attempt_at, mail_outbox::id))
        .select((mail_outbox::id, mail_outbox::attempts))
        .limit(limit)
        .load(conn)?)
}

/// Takes a due mail for one delivery attempt: counts the attempt and hides the mail
/// until `lease_until` (so a crashed worker's mail comes back by itself). The update
/// only matches while the row is exactly as `due` saw it, so of several workers —
/// several instances on one PostgreSQL — exactly one gets `true`.
pub fn claim(
    conn: &mut DbConnection,
    id: &str,
    seen_attempts: i32,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(id))
            .filter(mail_outbox::status.eq(MailStatus::Pending.as_str()))
            .filter(mail_outbox::attempts.eq(seen_attempts))
            .filter(mail_outbox::next_attempt_at.le(now)),
    )
    .set((
        mail_outbox::attempts.eq(mail_outbox::attempts + 1),
        mail_outbox::next_attempt_at.eq(lease_until),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn load(conn: &mut DbConnection, id: &str) -> Result<(OutboxRow, Vec<AttachmentRow>), DbError> {
    let row = mail_outbox::table
        .find(id)
        .select(OutboxRow::as_select())
        .first(conn)?;
    let attachments = mail_attachments::table
        .filter(mail_attachments::mail_id.eq(id))
        .order(mail_attachments::id)
        .select(AttachmentRow::as_select())
        .load(conn)?;
    Ok((row, attachments))
}

pub fn mark_sent(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::status.eq(MailStatus::Sent.as_str()),
            mail_outbox::sent_at.eq(Some(now)),
            mail_outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn schedule_retry(
    conn: &mut DbConnection,
    id: &str,
    error: &str,
    next_attempt_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::last_error.eq(Some(error)),
            mail_outbox::next_attempt_at.eq(next_attempt_at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn mark_failed(conn: &mut DbConnection, id: &str, error: &str) -> Result<(), DbError> {
    diesel::update(mail_outbox::table.find(id))
        .set((
            mail_outbox::status.eq(MailStatus::Failed.as_str()),
            mail_outbox::last_error.eq(Some(error)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Puts a failed mail back in the queue with a fresh set of attempts; `false` when
/// there is no failed mail with this id. `last_error` stays until the next attempt.
pub fn requeue_failed(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        mail_outbox::table
            .filter(mail_outbox::id.eq(id))
            .filter(mail_outbox::status.eq(MailStatus::Failed.as_str())),
    )
    .set((
        mail_outbox::status.eq(MailStatus::Pending.as_str()),
        mail_outbox::attempts.eq(0),
        mail_outbox::next_attempt_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// One page of the outbox, newest first, optionally of one status, and the total count.
#[tracing::instrument(skip(conn))]
pub fn list(
    conn: &mut DbConnection,
    status: Option<MailStatus>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<OutboxSummaryRow>, i64), DbError> {
    let filtered = || {
        let mut query = mail_outbox::table.into_boxed();
        if let Some(status) = status {
            query = query.filter(mail_outbox::status.eq(status.as_str()));
        }
        query
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .order((mail_outbox::created_at.desc(), mail_outbox::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(OutboxSummaryRow::as_select())
        .load(conn)?;
    Ok((rows, total))
}

/// One entry without body; `NotFound` when there is none.
pub fn summary(conn: &mut DbConnection, id: &str) -> Result<OutboxSummaryRow, DbError> {
    Ok(mail_outbox::table
        .find(id)
        .select(OutboxSummaryRow::as_select())
        .first(conn)?)
}

/// Names, types and sizes of the attachments of the given mails (never their content).
pub fn attachment_info(
    conn: &mut DbConnection,
    mail_ids: &[String],
) -> Result<Vec<AttachmentInfo>, DbError> {
    let rows: Vec<(String, String, String, i32)> = mail_attachments::table
        .filter(mail_attachments::mail_id.eq_any(mail_ids))
        .order(mail_attachments::id)
        .select((
            mail_attachments::mail_id,
            mail_attachments::file_name,
            mail_attachments::content_type,
            length(mail_attachments::content),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(mail_id, file_name, content_type, size)| AttachmentInfo {
            mail_id,
            file_name,
            content_type,
            size,
        })
        .collect())
}
