//! The throttle's table: one row per key (`login:<user>`, `ip:<address>`,
//! `lookup:<account>` …) with its failures in the current window and its lock.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rule::ThrottleState;
use crate::platform::db::schema::login_throttle;
use crate::platform::db::{DbConnection, DbError};

pub fn load(conn: &mut DbConnection, key: &str) -> Result<Option<ThrottleState>, DbError> {
    let row: Option<(i32, NaiveDateTime, Option<NaiveDateTime>)> = login_throttle::table
        .filter(login_throttle::throttle_key.eq(key))
        .select((
            login_throttle::failures,
            login_throttle::window_started_at,
            login_throttle::locked_until,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(failures, window_started_at, locked_until)| ThrottleState {
            failures,
            window_started_at,
            locked_until,
        },
    ))
}

pub fn save(conn: &mut DbConnection, key: &str, state: &ThrottleState) -> Result<(), DbError> {
    let values = (
        login_throttle::failures.eq(state.failures),
        login_throttle::window_started_at.eq(state.window_started_at),
        login_throttle::locked_until.eq(state.locked_until),
    );
    let updated =
        diesel::update(login_throttle::table.filter(login_throttle::throttle_key.eq(key)))
            .set(values)
            .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(login_throttle::table)
            .values((
                login_throttle::throttle_key.eq(key),
                values.0,
                values.1,
                values.2,
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn clear(conn: &mut DbConnection, key: &str) -> Result<(), DbError> {
    diesel::delete(login_throttle::table.filter(login_throttle::throttle_key.eq(key)))
        .execute(conn)?;
    Ok(())
}
