//! How people name themselves at login — a codice fiscale, a user name, or either in the
//! login form's one field — and the account such a name finds.

use diesel::prelude::*;

use super::accounts::AccountRow;
use crate::platform::db::schema::accounts;
use crate::platform::db::{DbConnection, DbError};

/// How a user names themselves at login: citizens by codice fiscale, staff by username,
/// or either in the one field of the login form, which the server tells apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginName {
    FiscalCode(String),
    Username(String),
    /// As typed: a codice fiscale when an account has it, else a user name.
    Either(String),
}

impl LoginName {
    pub fn as_str(&self) -> &str {
        match self {
            LoginName::FiscalCode(code) => code,
            LoginName::Username(name) => name,
            LoginName::Either(typed) => typed,
        }
    }
}

/// The codice fiscale as stored: upper case, without the spaces people type.
pub fn normalized_fiscal_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// Decides what an `Either` name is: the codice fiscale of an account if one has it (a
/// codice fiscale never equals a user name, which has lower-case letters or is shorter),
/// otherwise a user name. Other names are returned as they are.
pub fn resolve_login(conn: &mut DbConnection, login: &LoginName) -> Result<LoginName, DbError> {
    let LoginName::Either(typed) = login else {
        return Ok(login.clone());
    };
    let code = normalized_fiscal_code(typed);
    let is_fiscal_code: bool = diesel::select(diesel::dsl::exists(
        accounts::table.filter(accounts::fiscal_code.eq(&code)),
    ))
    .get_result(conn)?;
    Ok(if is_fiscal_code {
        LoginName::FiscalCode(code)
    } else {
        LoginName::Username(typed.trim().to_owned())
    })
}

pub fn find_by_login(
    conn: &mut DbConnection,
    login: &LoginName,
) -> Result<Option<AccountRow>, DbError> {
    let query = accounts::table.select(AccountRow::as_select()).into_boxed();
    let query = match login {
        LoginName::FiscalCode(code) => query.filter(accounts::fiscal_code.eq(code.clone())),
        LoginName::Username(name) => query.filter(accounts::username.eq(name.clone())),
        LoginName::Either(_) => {
            let resolved = resolve_login(conn, login)?;
            return find_by_login(conn, &resolved);
        }
    };
    Ok(query.first(conn).optional()?)
}
