//! The places taken per slot. Raising a counter happens only while it is under the
//! capacity, in one statement: SQLite runs it under its single writer, PostgreSQL under
//! the row's lock, so however many try at once, no more than the places get in.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::slot_counters;
use crate::platform::db::{DbConnection, DbError};

/// Takes one place of the slot; false when none is left.
pub fn take(
    conn: &mut DbConnection,
    desk_id: &str,
    starts_at: NaiveDateTime,
    places: i32,
) -> Result<bool, DbError> {
    let exists = slot_counters::table
        .find((desk_id, starts_at))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if !exists {
        let sql = match conn {
            DbConnection::Sqlite(_) => "INSERT INTO slot_counters (desk_id, starts_at, booked) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
            DbConnection::Postgresql(_) => {
                "INSERT INTO slot_counters (desk_id, starts_at, booked) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING"
            }
        };
        diesel::sql_query(sql)
            .bind::<diesel::sql_types::Text, _>(desk_id)
            .bind::<diesel::sql_types::Timestamp, _>(starts_at)
            .execute(conn)?;
    }
    let taken = diesel::update(
        slot_counters::table
            .filter(slot_counters::desk_id.eq(desk_id))
            .filter(slot_counters::starts_at.eq(starts_at))
            .filter(slot_counters::booked.lt(places)),
    )
    .set(slot_counters::booked.eq(slot_counters::booked + 1))
    .execute(conn)?;
    Ok(taken == 1)
}

/// Gives a place back.
pub fn release(
    conn: &mut DbConnection,
    desk_id: &str,
    starts_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(
        slot_counters::table
            .filter(slot_counters::desk_id.eq(desk_id))
            .filter(slot_counters::starts_at.eq(starts_at))
            .filter(slot_counters::booked.gt(0)),
    )
    .set(slot_counters::booked.eq(slot_counters::booked - 1))
    .execute(conn)?;
    Ok(())
}

/// Places taken per slot start (UTC) between two instants.
pub fn booked_between(
    conn: &mut DbConnection,
    desk_id: &str,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<HashMap<NaiveDateTime, u32>, DbError> {
    let rows: Vec<(NaiveDateTime, i32)> = slot_counters::table
        .filter(slot_counters::desk_id.eq(desk_id))
        .filter(slot_counters::starts_at.ge(from))
        .filter(slot_counters::starts_at.lt(to))
        .filter(slot_counters::booked.gt(0))
        .select((slot_counters::starts_at, slot_counters::booked))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(at, n)| (at, n.max(0) as u32))
        .collect())
}
