//! The municipality's street list (stradario).

use diesel::prelude::*;

use crate::platform::db::schema::streets;
use crate::platform::db::{lower, DbConnection, DbError};

pub fn search(
    conn: &mut DbConnection,
    query: &str,
    limit: i64,
) -> Result<Vec<(String, String)>, DbError> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| format!("%{}%", w.replace(['%', '_', '\\'], "").to_lowercase()))
        .collect();
    let mut select = streets::table
        .select((streets::name, streets::postcode))
        .into_boxed();
    for word in words {
        select = select.filter(lower(streets::name).like(word));
    }
    Ok(select.order(streets::name.asc()).limit(limit).load(conn)?)
}

pub fn find(conn: &mut DbConnection, name: &str) -> Result<Option<(String, String)>, DbError> {
    Ok(streets::table
        .find(name)
        .select((streets::name, streets::postcode))
        .first(conn)
        .optional()?)
}

/// Adds streets that are not there yet.
pub fn add(conn: &mut DbConnection, list: &[(&str, &str)]) -> Result<(), DbError> {
    for (name, postcode) in list {
        if find(conn, name)?.is_none() {
            diesel::insert_into(streets::table)
                .values((streets::name.eq(*name), streets::postcode.eq(*postcode)))
                .execute(conn)?;
        }
    }
    Ok(())
}
