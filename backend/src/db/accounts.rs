//! Accounts of citizens, operators and administrators.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::accounts;
use super::{DbConnection, DbError};

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountRow {
    pub id: String,
    pub role: String,
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
    pub surname: String,
    pub name: String,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub status: String,
    pub must_change_password: bool,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, account: &AccountRow) -> Result<(), DbError> {
    diesel::insert_into(accounts::table)
        .values(account)
        .execute(conn)?;
    Ok(())
}

pub fn count(conn: &mut DbConnection) -> Result<i64, DbError> {
    Ok(accounts::table.count().get_result(conn)?)
}
