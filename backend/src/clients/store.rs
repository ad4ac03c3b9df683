//! The `api_clients` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::{api_clients, client_assertions};
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
    /// `{"keys": […]}` for `private_key_jwt`; none: the client uses its secret.
    pub public_jwks: Option<String>,
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

/// Replaces a key-authenticated client's public keys.
pub fn replace_keys(
    conn: &mut DbConnection,
    id: &str,
    public_jwks: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        api_clients::table
            .find(id)
            .filter(api_clients::revoked_at.is_null())
            .filter(api_clients::public_jwks.is_not_null()),
    )
    .set((
        api_clients::public_jwks.eq(Some(public_jwks)),
        api_clients::secret_created_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Remembers an assertion's id until it expires; `false` when it was used already.
pub fn remember_assertion(
    conn: &mut DbConnection,
    client_id: &str,
    jti: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    use diesel::result::{DatabaseErrorKind, Error as DieselError};
    diesel::delete(client_assertions::table.filter(client_assertions::expires_at.lt(now)))
        .execute(conn)?;
    let inserted = diesel::insert_into(client_assertions::table)
        .values((
            client_assertions::client_id.eq(client_id),
            client_assertions::jti.eq(jti),
            client_assertions::expires_at.eq(expires_at),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(other) => Err(other.into()),
    }
}
