//! Groups, their permissions, and who belongs to them.

use diesel::prelude::*;

use std::collections::BTreeSet;

use crate::accounts::rules::privileges;
use crate::accounts::rules::status::AccountStatus;
use crate::platform::auth::Permission;
use crate::platform::db::schema::{account_groups, accounts, group_permissions, user_groups};
use crate::platform::db::{DbConnection, DbError};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = user_groups)]
pub struct GroupRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub built_in: bool,
}

pub struct GroupWithMembers {
    pub group: GroupRow,
    pub permissions: Vec<String>,
    pub members: i64,
}

pub fn list(conn: &mut DbConnection) -> Result<Vec<GroupWithMembers>, DbError> {
    let groups: Vec<GroupRow> = user_groups::table
        .select(GroupRow::as_select())
        .order(user_groups::name)
        .load(conn)?;
    let permissions: Vec<(String, String)> = group_permissions::table
        .select((group_permissions::group_id, group_permissions::permission))
        .load(conn)?;
    let members: Vec<String> = account_groups::table
        .select(account_groups::group_id)
        .load(conn)?;
    Ok(groups
        .into_iter()
        .map(|group| GroupWithMembers {
            permissions: permissions
                .iter()
                .filter(|(g, _)| *g == group.id)
                .map(|(_, p)| p.clone())
                .collect(),
            members: members.iter().filter(|g| **g == group.id).count() as i64,
            group,
        })
        .collect())
}

pub fn find(conn: &mut DbConnection, id: &str) -> Result<Option<GroupRow>, DbError> {
    Ok(user_groups::table
        .find(id)
        .select(GroupRow::as_select())
        .first(conn)
        .optional()?)
}

/// Inserts a group; `Ok(false)` when the name is taken.
pub fn insert(conn: &mut DbConnection, group: &GroupRow) -> Result<bool, DbError> {
    let inserted = diesel::insert_into(user_groups::table)
        .values((
            user_groups::id.eq(&group.id),
            user_groups::name.eq(&group.name),
            user_groups::description.eq(&group.description),
            user_groups::built_in.eq(group.built_in),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(other) => Err(other.into()),
    }
}

/// Renames or redescribes a group; `Ok(false)` when the new name is taken.
pub fn update(
    conn: &mut DbConnection,
    id: &str,
    name: &str,
    description: &str,
) -> Result<bool, DbError> {
    let updated = diesel::update(user_groups::table.find(id))
        .set((
            user_groups::name.eq(name),
            user_groups::description.eq(description),
        ))
        .execute(conn);
    match updated {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(other) => Err(other.into()),
    }
}

pub fn set_permissions(
    conn: &mut DbConnection,
    id: &str,
    permissions: &[&str],
) -> Result<(), DbError> {
    diesel::delete(group_permissions::table.filter(group_permissions::group_id.eq(id)))
        .execute(conn)?;
    for permission in permissions {
        diesel::insert_into(group_permissions::table)
            .values((
                group_permissions::group_id.eq(id),
                group_permissions::permission.eq(*permission),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete(conn: &mut DbConnection, id: &str) -> Result<(), DbError> {
    diesel::delete(account_groups::table.filter(account_groups::group_id.eq(id))).execute(conn)?;
    diesel::delete(group_permissions::table.filter(group_permissions::group_id.eq(id)))
        .execute(conn)?;
    diesel::delete(user_groups::table.find(id)).execute(conn)?;
    Ok(())
}

pub fn groups_of(conn: &mut DbConnection, account_id: &str) -> Result<Vec<String>, DbError> {
    Ok(account_groups::table
        .filter(account_groups::account_id.eq(account_id))
        .select(account_groups::group_id)
        .load(conn)?)
}

/// The permissions a group grants.
pub fn permissions_of_group(
    conn: &mut DbConnection,
    group_id: &str,
) -> Result<BTreeSet<Permission>, DbError> {
    let codes: Vec<String> = group_permissions::table
        .filter(group_permissions::group_id.eq(group_id))
        .select(group_permissions::permission)
        .load(conn)?;
    Ok(codes
        .iter()
        .filter_map(|code| Permission::parse(code))
        .collect())
}

/// The accounts in a group.
pub fn members_of(conn: &mut DbConnection, group_id: &str) -> Result<Vec<String>, DbError> {
    Ok(account_groups::table
        .filter(account_groups::group_id.eq(group_id))
        .select(account_groups::account_id)
        .load(conn)?)
}

pub fn set_groups_of(
    conn: &mut DbConnection,
    account_id: &str,
    group_ids: &[String],
) -> Result<(), DbError> {
    diesel::delete(account_groups::table.filter(account_groups::account_id.eq(account_id)))
        .execute(conn)?;
    for group_id in group_ids {
        diesel::insert_into(account_groups::table)
            .values((
                account_groups::account_id.eq(account_id),
                account_groups::group_id.eq(group_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// How many active accounts can administer the back office (manage accounts and groups).
pub fn count_active_administrators(conn: &mut DbConnection) -> Result<usize, DbError> {
    let grants: Vec<(String, String)> = account_groups::table
        .inner_join(
            group_permissions::table.on(group_permissions::group_id.eq(account_groups::group_id)),
        )
        .inner_join(accounts::table.on(accounts::id.eq(account_groups::account_id)))
        .filter(accounts::status.eq(AccountStatus::Active.as_str()))
        .select((account_groups::account_id, group_permissions::permission))
        .load(conn)?;
    let mut held: std::collections::BTreeMap<String, BTreeSet<Permission>> = Default::default();
    for (account, code) in grants {
        if let Some(permission) = Permission::parse(&code) {
            held.entry(account).or_default().insert(permission);
        }
    }
    Ok(held.values().filter(|p| privileges::administers(p)).count())
}
