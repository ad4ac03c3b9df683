//! Third-party applications: other administrations, banks, employers and the
//! municipality's own systems that use the API on their own behalf. Admins register them
//! and hand over credentials once; applications exchange them for short-lived access
//! tokens (OAuth 2.0 client credentials) carrying the scopes they were granted.

pub mod api;
pub mod assertion;
pub mod error;
pub mod registration;
pub mod rules;
pub mod store;
pub mod token;

pub use error::Error;

use crate::platform::auth::Scope;
use crate::platform::db::{DbConnection, DbError};

/// The scopes of a client that is registered and not revoked; `None` otherwise.
pub fn active_scopes(
    conn: &mut DbConnection,
    client_id: &str,
) -> Result<Option<Vec<Scope>>, DbError> {
    Ok(store::find(conn, client_id)?
        .filter(|client| client.revoked_at.is_none())
        .map(|client| Scope::parse_list(&client.scopes).unwrap_or_default()))
}
