//! The `api_clients` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::api_clients;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = api_clients)]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub contact_email: String,
    /// Space-separated scope codes.
    pub scopes: String,
    /// Comma-separated addresses or ranges; none: any address.
    pub allowed_ips: Option<String>,
    pub rate_limit_per_minute: i32,
    pub secret_hash: String,
    pub secret_created_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub created_by: String,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &ClientRow) -> Result<(), DbError> {
    diesel::insert_into(api_clients::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<ClientRow>, DbError> {
    Ok(api_clients::table
        .find(id)
        .select(ClientRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every client, the newest first.
pub fn list(conn: &mut DbConnection) -> Result<Vec<ClientRow>, DbError> {
    Ok(api_clients::table
        .order(api_clients::created_at.desc())
        .select(ClientRow::as_select())
        .load(conn)?)
}

pub fn replace_secret(
    conn: &mut DbConnection,
    id: &str,
    secret_hash: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set((
        api_clients::secret_hash.eq(secret_hash),
        api_clients::secret_created_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn revoke(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> Result<bool, DbError> {
    let updated = diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null()),
    )
    .set(api_clients::revoked_at.eq(Some(now)))
    .execute(conn)?;
    Ok(updated == 1)
}
