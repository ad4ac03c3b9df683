//! Attached files, kept in the database with their row.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::practice_attachments;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = practice_attachments)]
pub struct NewAttachment<'a> {
    pub id: &'a str,
    pub practice_id: &'a str,
    pub document_code: &'a str,
    pub file_name: &'a str,
    pub kind: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub content: &'a [u8],
    pub uploaded_at: NaiveDateTime,
    pub sent: bool,
}

/// An attachment without its content.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practice_attachments)]
pub struct AttachmentRow {
    pub id: String,
    pub practice_id: String,
    pub document_code: String,
    pub file_name: String,
    pub kind: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: NaiveDateTime,
    pub sent: bool,
}

pub fn insert(conn: &mut DbConnection, attachment: &NewAttachment<'_>) -> Result<(), DbError> {
    diesel::insert_into(practice_attachments::table)
        .values(attachment)
        .execute(conn)?;
    Ok(())
}

pub fn of_practice(
    conn: &mut DbConnection,
    practice_id: &str,
) -> Result<Vec<AttachmentRow>, DbError> {
    Ok(practice_attachments::table
        .filter(practice_attachments::practice_id.eq(practice_id))
        .order((
            practice_attachments::uploaded_at.asc(),
            practice_attachments::id.asc(),
        ))
        .select(AttachmentRow::as_select())
        .load(conn)?)
}

pub fn content(
    conn: &mut DbConnection,
    practice_id: &str,
    id: &str,
) -> Result<Option<(AttachmentRow, Vec<u8>)>, DbError> {
    Ok(practice_attachments::table
        .filter(practice_attachments::practice_id.eq(practice_id))
        .filter(practice_attachments::id.eq(id))
        .select((AttachmentRow::as_select(), practice_attachments::content))
        .first(conn)
        .optional()?)
}

/// Deletes a file not yet sent to the office; false when there is none such.
pub fn delete_unsent(
    conn: &mut DbConnection,
    practice_id: &str,
    id: &str,
) -> Result<bool, DbError> {
    let deleted = diesel::delete(
        practice_attachments::table
            .filter(practice_attachments::practice_id.eq(practice_id))
            .filter(practice_attachments::id.eq(id))
            .filter(practice_attachments::sent.eq(false)),
    )
    .execute(conn)?;
    Ok(deleted == 1)
}

/// Marks every file of the practice as sent (at submission, or with an integration).
pub fn mark_sent(conn: &mut DbConnection, practice_id: &str) -> Result<(), DbError> {
    diesel::update(
        practice_attachments::table.filter(practice_attachments::practice_id.eq(practice_id)),
    )
    .set(practice_attachments::sent.eq(true))
    .execute(conn)?;
    Ok(())
}
