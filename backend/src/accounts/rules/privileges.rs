//! Privilege boundaries of the back office: nobody gives more than they hold, nobody
//! raises themselves, and the office never loses its last administrator.

use std::collections::BTreeSet;

use crate::platform::auth::Permission;

/// Why a change of accounts or groups is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overreach {
    /// One's own groups are changed by someone else.
    OwnGroups,
    /// The group or permission granted is not all held by the actor.
    BeyondOwnPermissions,
    /// The account acted on holds permissions the actor does not.
    MorePrivilegedAccount,
    /// A group that administers accounts or groups, given without `groups.manage`.
    AdministrationWithoutGroupsManage,
    /// A group with back-office permissions, given to a citizen's account.
    StaffGroupForCitizen,
}

/// The permissions that together administer the back office.
pub const ADMINISTRATION: [Permission; 2] = [Permission::AccountsManage, Permission::GroupsManage];

/// Holds every permission that administers the back office.
pub fn administers(permissions: &BTreeSet<Permission>) -> bool {
    ADMINISTRATION.iter().all(|p| permissions.contains(p))
}

/// `actor` may lock, unlock, reset or regroup an account holding `target`.
pub fn may_act_on(
    actor: &BTreeSet<Permission>,
    target: &BTreeSet<Permission>,
) -> Result<(), Overreach> {
    if target.is_subset(actor) {
        Ok(())
    } else {
        Err(Overreach::MorePrivilegedAccount)
    }
}

/// `actor` may give a group holding `granted` (to an account, or to a group it edits).
pub fn may_grant(
    actor: &BTreeSet<Permission>,
    granted: &BTreeSet<Permission>,
) -> Result<(), Overreach> {
    if !granted.is_subset(actor) {
        return Err(Overreach::BeyondOwnPermissions);
    }
    let administrative = ADMINISTRATION.iter().any(|p| granted.contains(p));
    if administrative && !actor.contains(&Permission::GroupsManage) {
        return Err(Overreach::AdministrationWithoutGroupsManage);
    }
    Ok(())
}

/// A citizen's account takes no group with back-office permissions.
pub fn may_join(citizen: bool, granted: &BTreeSet<Permission>) -> Result<(), Overreach> {
    if citizen && !granted.is_empty() {
        Err(Overreach::StaffGroupForCitizen)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    fn set(permissions: &[Permission]) -> BTreeSet<Permission> {
        permissions.iter().copied().collect()
    }

    #[test]
    fn an_account_manager_acts_only_on_accounts_with_no_more_than_its_permissions() {
        let manager = set(&[AccountsManage, AuditRead]);
        assert_eq!(may_act_on(&manager, &set(&[AuditRead])), Ok(()));
        assert_eq!(may_act_on(&manager, &set(&[])), Ok(()));
        assert_eq!(
            may_act_on(&manager, &set(&[AccountsManage, GroupsManage])),
            Err(Overreach::MorePrivilegedAccount)
        );
    }

    #[test]
    fn nobody_grants_what_they_do_not_hold_nor_administration_without_groups_manage() {
        let manager = set(&[AccountsManage, AuditRead]);
        assert_eq!(may_grant(&manager, &set(&[AuditRead])), Ok(()));
        assert_eq!(
            may_grant(&manager, &set(&[RegistryRead])),
            Err(Overreach::BeyondOwnPermissions)
        );
        assert_eq!(
            may_grant(&manager, &set(&[AccountsManage])),
            Err(Overreach::AdministrationWithoutGroupsManage)
        );
        let admin: BTreeSet<Permission> = Permission::ALL.into_iter().collect();
        assert_eq!(
            may_grant(&admin, &set(&[AccountsManage, GroupsManage])),
            Ok(())
        );
    }

    #[test]
    fn citizens_take_only_groups_without_permissions() {
        assert_eq!(may_join(true, &set(&[])), Ok(()));
        assert_eq!(
            may_join(true, &set(&[AuditRead])),
            Err(Overreach::StaffGroupForCitizen)
        );
        assert_eq!(may_join(false, &set(&[AuditRead])), Ok(()));
    }

    #[test]
    fn administering_takes_both_permissions() {
        assert!(administers(&set(&[
            AccountsManage,
            GroupsManage,
            AuditRead
        ])));
        assert!(!administers(&set(&[AccountsManage])));
    }
}
