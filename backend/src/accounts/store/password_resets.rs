//! Password reset tokens: stored hashed, single use, expiring.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::password_reset_tokens;
use crate::platform::db::{DbConnection, DbError};

pub fn insert(
    conn: &mut DbConnection,
    token_hash: &str,
    account_id: &str,
    now: NaiveDateTime,
    expires_at: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::insert_into(password_reset_tokens::table)
        .values((
            password_reset_tokens::token_hash.eq(token_hash),
            password_reset_tokens::account_id.eq(account_id),
            password_reset_tokens::created_at.eq(now),
            password_reset_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Uses the token if it is unused and unexpired, returning its account; decided by one
/// UPDATE so that a token can never be used twice.
pub fn consume(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<String>, DbError> {
    let target = password_reset_tokens::table
        .filter(password_reset_tokens::token_hash.eq(token_hash))
        .filter(password_reset_tokens::used_at.is_null())
        .filter(password_reset_tokens::expires_at.gt(now));
    let updated = diesel::update(target)
        .set(password_reset_tokens::used_at.eq(now))
        .execute(conn)?;
    if updated == 0 {
        return Ok(None);
    }
    Ok(password_reset_tokens::table
        .find(token_hash)
        .select(password_reset_tokens::account_id)
        .first(conn)
        .optional()?)
}
