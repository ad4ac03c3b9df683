//! Accounts: registration, identification at the counter, login with password or
//! smart card, sessions, password changes and recovery, the profile, and the back
//! office's users and groups.

pub mod api;
pub mod error;
pub mod federation;
pub mod login_audit;
pub mod oversight;
pub mod password;
pub mod rules;
pub mod session;
pub mod staff;
pub mod store;

pub use error::Error;

// What other features may use of the accounts' table.
pub use store::accounts::{details as account_details, find_by_id as find_account};
pub use store::holders::{account_of_fiscal_code, holders_of as account_holders, AccountHolder};
