//! The privilege boundaries of the back office (`rules::privileges`), checked against
//! the accounts and groups as they are: run inside the change's transaction, so that a
//! refusal leaves nothing changed.

use std::collections::BTreeSet;

use crate::accounts::rules::privileges::{self, Overreach};
use crate::accounts::store::{accounts, groups};
use crate::accounts::Error;
use crate::platform::auth::Permission;
use crate::platform::db::DbConnection;

/// The actor may lock, unlock, reset or regroup the account `target_id`.
pub fn may_act_on(
    conn: &mut DbConnection,
    actor: &BTreeSet<Permission>,
    target_id: &str,
) -> Result<(), Error> {
    let target = accounts::permissions_of(conn, target_id)?;
    Ok(privileges::may_act_on(actor, &target)?)
}

/// The actor may put the account (`citizen` or staff) into each of `group_ids`.
pub fn may_give_groups(
    conn: &mut DbConnection,
    actor: &BTreeSet<Permission>,
    citizen: bool,
    group_ids: &[String],
) -> Result<(), Error> {
    for group in group_ids {
        let granted = groups::permissions_of_group(conn, group)?;
        privileges::may_grant(actor, &granted)?;
        privileges::may_join(citizen, &granted)?;
    }
    Ok(())
}

/// The actor may give a group these permissions.
pub fn may_define_group(
    actor: &BTreeSet<Permission>,
    permissions: &BTreeSet<Permission>,
) -> Result<(), Error> {
    Ok(privileges::may_grant(actor, permissions)?)
}

/// After the change, some active account can still manage accounts and groups.
pub fn an_administrator_remains(conn: &mut DbConnection) -> Result<(), Error> {
    if groups::count_active_administrators(conn)? == 0 {
        return Err(Error::LastAdministrator);
    }
    Ok(())
}

/// One's own groups are changed by someone else.
pub fn not_oneself(actor_id: &str, target_id: &str) -> Result<(), Error> {
    if actor_id == target_id {
        return Err(Overreach::OwnGroups.into());
    }
    Ok(())
}
