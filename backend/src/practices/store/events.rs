//! The history of each practice.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::practice_events;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = practice_events)]
pub struct NewEvent<'a> {
    pub practice_id: &'a str,
    pub at: NaiveDateTime,
    pub actor_kind: &'a str,
    pub actor_id: Option<&'a str>,
    pub actor_label: &'a str,
    pub action: &'a str,
    pub from_state: Option<&'a str>,
    pub to_state: &'a str,
    pub note: Option<&'a str>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practice_events)]
pub struct EventRow {
    pub id: i64,
    pub at: NaiveDateTime,
    pub actor_kind: String,
    pub actor_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub from_state: Option<String>,
    pub to_state: String,
    pub note: Option<String>,
}

pub fn append(conn: &mut DbConnection, event: &NewEvent<'_>) -> Result<(), DbError> {
    diesel::insert_into(practice_events::table)
        .values(event)
        .execute(conn)?;
    Ok(())
}

pub fn of_practice(conn: &mut DbConnection, practice_id: &str) -> Result<Vec<EventRow>, DbError> {
    Ok(practice_events::table
        .filter(practice_events::practice_id.eq(practice_id))
        .order(practice_events::id.asc())
        .select(EventRow::as_select())
        .load(conn)?)
}

/// The note of the latest event of `action` (e.g. the office's integration request).
pub fn latest_note(
    conn: &mut DbConnection,
    practice_id: &str,
    action: &str,
) -> Result<Option<String>, DbError> {
    Ok(practice_events::table
        .filter(practice_events::practice_id.eq(practice_id))
        .filter(practice_events::action.eq(action))
        .order(practice_events::id.desc())
        .select(practice_events::note)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}
