//! The keys that seal and sign certificates. The current key signs; retired keys stay
//! so that what they signed keeps verifying (`GET /api/v1/signing-keys`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::signing_keys;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKeyRow {
    pub id: String,
    pub private_key_pkcs8: Vec<u8>,
    pub certificate_der: Vec<u8>,
    pub created_at: NaiveDateTime,
    pub retired_at: Option<NaiveDateTime>,
}

#[tracing::instrument(skip(conn))]
pub fn current(conn: &mut DbConnection) -> Result<Option<SigningKeyRow>, DbError> {
    Ok(signing_keys::table
        .filter(signing_keys::retired_at.is_null())
        .select(SigningKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every key, the oldest first.
#[tracing::instrument(skip(conn))]
pub fn all(conn: &mut DbConnection) -> Result<Vec<SigningKeyRow>, DbError> {
    Ok(signing_keys::table
        .order(signing_keys::created_at.asc())
        .select(SigningKeyRow::as_select())
        .load(conn)?)
}

/// Retires the current key (if any) and makes `new_key` the current one, together.
/// Two instances racing to create the first key: the partial unique index lets only
/// one commit; the loser reads the winner's key.
#[tracing::instrument(skip_all, fields(key = new_key.id))]
pub fn rotate(conn: &mut DbConnection, new_key: &SigningKeyRow) -> Result<(), DbError> {
    crate::platform::db::transaction(conn, |conn| {
        diesel::update(signing_keys::table.filter(signing_keys::retired_at.is_null()))
            .set(signing_keys::retired_at.eq(Some(new_key.created_at)))
            .execute(conn)?;
        diesel::insert_into(signing_keys::table)
            .values(new_key)
            .execute(conn)?;
        Ok::<_, DbError>(())
    })
}

/// Inserts the first key unless another instance did it first; answers the current key.
#[tracing::instrument(skip_all)]
pub fn insert_first(
    conn: &mut DbConnection,
    first: &SigningKeyRow,
) -> Result<SigningKeyRow, DbError> {
    if let Some(existing) = current(conn)? {
        return Ok(existing);
    }
    match diesel::insert_into(signing_keys::table)
        .values(first)
        .execute(conn)
    {
        Ok(_) => Ok(first.clone()),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => current(conn)?.ok_or_else(|| DbError::Query(diesel::result::Error::NotFound)),
        Err(other) => Err(other.into()),
    }
}
