//! Refresh tokens (hashed) in rotation families.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::auth::revocations;
use crate::platform::db::schema::refresh_tokens;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    pub id: String,
    pub account_id: String,
    pub family_id: String,
    pub token_hash: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    /// `LoginMethod::as_str` of the login that began the family.
    pub login_method: String,
}

pub fn insert_refresh_token(conn: &mut DbConnection, row: &RefreshTokenRow) -> Result<(), DbError> {
    diesel::insert_into(refresh_tokens::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find_refresh_token(
    conn: &mut DbConnection,
    hash: &str,
) -> Result<Option<RefreshTokenRow>, DbError> {
    Ok(refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash))
        .select(RefreshTokenRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks the token used if nobody did before: false means it was already rotated or
/// revoked (a reuse), decided by the database, not by an earlier read.
pub fn consume_refresh_token(
    conn: &mut DbConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(id))
            .filter(refresh_tokens::used_at.is_null())
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Ends one session: its refresh tokens, and its access tokens (see `revocations`).
pub fn revoke_family(
    conn: &mut DbConnection,
    account_id: &str,
    family_id: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let revoked = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    revocations::void_session_tokens(conn, account_id, family_id, now)?;
    Ok(revoked)
}

/// Ends every session of the account: its refresh tokens, and its access tokens.
pub fn revoke_all_of_account(
    conn: &mut DbConnection,
    account_id: &str,
    now: NaiveDateTime,
) -> Result<usize, DbError> {
    let revoked = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::account_id.eq(account_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)?;
    revocations::void_tokens(conn, account_id, now)?;
    Ok(revoked)
}
