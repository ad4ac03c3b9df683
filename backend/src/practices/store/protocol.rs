//! The protocol register's numbering: one counter per year, raised inside the
//! submission's transaction (SQLite holds the write lock, PostgreSQL locks the row until
//! commit), so two submissions never get the same number and a rolled-back one leaves no
//! gap.

use diesel::prelude::*;

use crate::platform::db::schema::protocol_counters;
use crate::platform::db::{DbConnection, DbError};

pub fn next_number(conn: &mut DbConnection, year: i32) -> Result<i64, DbError> {
    // Both dialects read `ON CONFLICT DO NOTHING`; a plain insert would fail one of two
    // concurrent first submissions of a year on PostgreSQL.
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "INSERT INTO protocol_counters (year, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING"
        }
        DbConnection::Postgresql(_) => {
            "INSERT INTO protocol_counters (year, last_number) VALUES ($1, 0) ON CONFLICT DO NOTHING"
        }
    };
    diesel::sql_query(sql)
        .bind::<diesel::sql_types::Integer, _>(year)
        .execute(conn)?;
    diesel::update(protocol_counters::table.find(year))
        .set(protocol_counters::last_number.eq(protocol_counters::last_number + 1))
        .execute(conn)?;
    Ok(protocol_counters::table
        .find(year)
        .select(protocol_counters::last_number)
        .first(conn)?)
}
