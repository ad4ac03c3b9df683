//! Accounts of citizens, operators and administrators.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::rules::groups::BUILT_IN_GROUPS;
use crate::accounts::rules::status::AccountStatus;
use crate::platform::auth::permissions::Permission;
use crate::platform::db::schema::{account_groups, accounts, group_permissions, user_groups};
use crate::platform::db::{DbConnection, DbError};

pub use super::login_names::{find_by_login, normalized_fiscal_code, resolve_login, LoginName};

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

/// A citizen's registration as submitted (seed 001), pending identification.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = accounts)]
pub struct NewRegistration {
    pub id: String,
    pub role: String,
    pub fiscal_code: Option<String>,
    pub surname: String,
    pub name: String,
    pub sex: Option<String>,
    pub birth_date: Option<chrono::NaiveDate>,
    pub birth_place_code: Option<String>,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub phone: Option<String>,
    pub address_province: Option<String>,
    pub address_municipality: Option<String>,
    pub address_street: Option<String>,
    pub address_number: Option<String>,
    pub password_hash: Option<String>,
    pub status: String,
    pub must_change_password: bool,
    pub created_at: NaiveDateTime,
}

/// Inserts the registration; `Ok(false)` when the codice fiscale already has an account
/// (decided by the unique index, so two simultaneous registrations cannot both pass).
pub fn insert_registration(
    conn: &mut DbConnection,
    registration: &NewRegistration,
) -> Result<bool, DbError> {
    match diesel::insert_into(accounts::table)
        .values(registration)
        .execute(conn)
    {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(other) => Err(other.into()),
    }
}

pub fn find_by_id(conn: &mut DbConnection, id: &str) -> Result<Option<AccountRow>, DbError> {
    Ok(accounts::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn set_password(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
    must_change_password: bool,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::password_hash.eq(password_hash),
            accounts::must_change_password.eq(must_change_password),
            accounts::password_changed_at.eq(now),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The union of the permissions of the account's groups.
pub fn permissions_of(
    conn: &mut DbConnection,
    account_id: &str,
) -> Result<BTreeSet<Permission>, DbError> {
    let codes: Vec<String> = account_groups::table
        .inner_join(
            group_permissions::table.on(group_permissions::group_id.eq(account_groups::group_id)),
        )
        .filter(account_groups::account_id.eq(account_id))
        .select(group_permissions::permission)
        .load(conn)?;
    Ok(codes
        .iter()
        .filter_map(|code| Permission::parse(code))
        .collect())
}

/// Creates the built-in groups that are missing, with their default permissions; groups
/// that exist keep whatever an administrator made of them.
pub fn ensure_builtin_groups(conn: &mut DbConnection) -> Result<(), DbError> {
    for group in &BUILT_IN_GROUPS {
        let exists: i64 = user_groups::table
            .filter(user_groups::id.eq(group.id))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            continue;
        }
        conn.transaction(|conn| {
            diesel::insert_into(user_groups::table)
                .values((
                    user_groups::id.eq(group.id),
                    user_groups::name.eq(group.name),
                    user_groups::description.eq(group.description),
                    user_groups::built_in.eq(true),
                ))
                .execute(conn)?;
            for permission in group.permissions {
                diesel::insert_into(group_permissions::table)
                    .values((
                        group_permissions::group_id.eq(group.id),
                        group_permissions::permission.eq(permission.code()),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(())
}

pub fn add_to_group(
    conn: &mut DbConnection,
    account_id: &str,
    group_id: &str,
) -> Result<(), DbError> {
    diesel::insert_into(account_groups::table)
        .values((
            account_groups::account_id.eq(account_id),
            account_groups::group_id.eq(group_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// The contact details a citizen may change (seed 000, "Modifica del Profilo").
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = accounts)]
pub struct ContactChanges {
    pub email: Option<Option<String>>,
    pub pec: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub mobile_phone: Option<Option<String>>,
    pub address_province: Option<Option<String>>,
    pub address_municipality: Option<Option<String>>,
    pub address_street: Option<Option<String>>,
    pub address_number: Option<Option<String>>,
    pub updated_at: Option<NaiveDateTime>,
}

pub fn update_contacts(
    conn: &mut DbConnection,
    id: &str,
    changes: &ContactChanges,
) -> Result<(), DbError> {
    diesel::update(accounts::table.find(id))
        .set(changes)
        .execute(conn)?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountDetails {
    pub id: String,
    pub role: String,
    pub fiscal_code: Option<String>,
    pub username: Option<String>,
    pub surname: String,
    pub name: String,
    pub sex: Option<String>,
    pub birth_date: Option<chrono::NaiveDate>,
    pub birth_place_code: Option<String>,
    pub email: Option<String>,
    pub pec: Option<String>,
    pub phone: Option<String>,
    pub mobile_phone: Option<String>,
    pub address_province: Option<String>,
    pub address_municipality: Option<String>,
    pub address_street: Option<String>,
    pub address_number: Option<String>,
    pub status: String,
    pub must_change_password: bool,
    pub created_at: NaiveDateTime,
    pub identity_document_type: Option<String>,
    pub identity_document_number: Option<String>,
    pub identity_document_expiry: Option<chrono::NaiveDate>,
    pub identified_by: Option<String>,
    pub identified_at: Option<NaiveDateTime>,
}

pub fn details(conn: &mut DbConnection, id: &str) -> Result<Option<AccountDetails>, DbError> {
    Ok(accounts::table
        .find(id)
        .select(AccountDetails::as_select())
        .first(conn)
        .optional()?)
}

/// Accounts in a status, newest first, optionally matching a surname or codice fiscale prefix.
pub fn list_by_status(
    conn: &mut DbConnection,
    status: &str,
    search: Option<&str>,
    limit: i64,
) -> Result<Vec<AccountDetails>, DbError> {
    let mut query = accounts::table
        .filter(accounts::status.eq(status.to_owned()))
        .select(AccountDetails::as_select())
        .order(accounts::created_at.desc())
        .limit(limit)
        .into_boxed();
    if let Some(search) = search.filter(|s| !s.is_empty()) {
        let upper = search.to_uppercase();
        query = query.filter(
            accounts::fiscal_code
                .like(format!("{upper}%"))
                .or(accounts::surname.like(format!("{search}%")))
                .or(accounts::surname.like(format!("{upper}%"))),
        );
    }
    Ok(query.load(conn)?)
}

pub struct Identification<'a> {
    pub document_type: &'a str,
    pub document_number: &'a str,
    pub document_expiry: chrono::NaiveDate,
    pub operator_id: &'a str,
}

/// Activates a pending account after the identity check; false when it was not pending.
pub fn activate(
    conn: &mut DbConnection,
    id: &str,
    check: &Identification<'_>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        accounts::table
            .find(id)
            .filter(accounts::status.eq("pending_identification")),
    )
    .set((
        accounts::status.eq("active"),
        accounts::identity_document_type.eq(check.document_type),
        accounts::identity_document_number.eq(check.document_number),
        accounts::identity_document_expiry.eq(check.document_expiry),
        accounts::identified_by.eq(check.operator_id),
        accounts::identified_at.eq(now),
        accounts::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn reject(
    conn: &mut DbConnection,
    id: &str,
    operator_id: &str,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let updated = diesel::update(
        accounts::table
            .find(id)
            .filter(accounts::status.eq("pending_identification")),
    )
    .set((
        accounts::status.eq("rejected"),
        accounts::identified_by.eq(operator_id),
        accounts::identified_at.eq(now),
        accounts::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn set_status(
    conn: &mut DbConnection,
    id: &str,
    status: AccountStatus,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::status.eq(status.as_str()),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Every account, optionally by role, by status and by the beginning of surname, codice
/// fiscale or user name.
pub fn search(
    conn: &mut DbConnection,
    role: Option<&str>,
    status: Option<&str>,
    text: Option<&str>,
    limit: i64,
) -> Result<Vec<AccountDetails>, DbError> {
    let mut query = accounts::table
        .select(AccountDetails::as_select())
        .order(accounts::surname)
        .limit(limit)
        .into_boxed();
    if let Some(role) = role {
        query = query.filter(accounts::role.eq(role.to_owned()));
    }
    if let Some(status) = status {
        query = query.filter(accounts::status.eq(status.to_owned()));
    }
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        let upper = text.to_uppercase();
        query = query.filter(
            accounts::fiscal_code
                .like(format!("{upper}%"))
                .or(accounts::username.like(format!("{text}%")))
                .or(accounts::surname.like(format!("{text}%")))
                .or(accounts::surname.like(format!("{upper}%"))),
        );
    }
    Ok(query.load(conn)?)
}
