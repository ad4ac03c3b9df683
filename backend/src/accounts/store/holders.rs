//! Who holds an account, as other features may name them: the person's name and their
//! codice fiscale (citizens) or user name (staff). Nothing else of the account leaves.

use diesel::prelude::*;

use crate::platform::db::schema::accounts;
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountHolder {
    pub id: String,
    pub surname: String,
    pub name: String,
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
}

/// The holders of several accounts at once (a page of a list); unknown ids are left out.
#[tracing::instrument(skip(conn))]
pub fn holders_of(conn: &mut DbConnection, ids: &[&str]) -> Result<Vec<AccountHolder>, DbError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(accounts::table
        .filter(accounts::id.eq_any(ids))
        .select(AccountHolder::as_select())
        .load(conn)?)
}

/// The account a codice fiscale (already in its canonical form) belongs to, if any: at
/// most one, the unique index sees to it.
#[tracing::instrument(skip(conn))]
pub fn account_of_fiscal_code(
    conn: &mut DbConnection,
    fiscal_code: &str,
) -> Result<Option<String>, DbError> {
    Ok(accounts::table
        .filter(accounts::fiscal_code.eq(fiscal_code))
        .select(accounts::id)
        .first(conn)
        .optional()?)
}
