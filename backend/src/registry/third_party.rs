//! What every request about a third person goes through, the look-up and the
//! certificate alike (seed 001 §3 and §7): the requester must be a resident, and each
//! request draws on the requester's one quota. The reason's rule is in
//! `rules::third_party`.

use crate::platform::auth::AccountId;
use crate::platform::db::DbConnection;
use crate::platform::throttle::{self, ThrottleError};
use crate::registry::rules::third_party::{quota_key, QUOTA};
use crate::registry::store::families::PersonRow;
use crate::registry::store::persons;
use crate::registry::Error;

/// The requester's own registry person, if the registry lists them as resident today:
/// the services of the portal are for the municipality's residents (seed 001 §3).
pub fn resident_requester(
    conn: &mut DbConnection,
    account_id: &AccountId,
) -> Result<PersonRow, Error> {
    persons::of_account(conn, account_id)?
        .filter(|p| p.deregistered_on.is_none() && p.death_date.is_none())
        .ok_or(Error::NotResident)
}

/// Counts one request about a third person against the account's quota, shared by
/// look-ups and certificates; refuses it while the quota is exhausted.
pub fn charge_quota(conn: &mut DbConnection, account_id: &AccountId) -> Result<(), ThrottleError> {
    throttle::charge(conn, &quota_key(account_id.as_str()), &QUOTA)
}
