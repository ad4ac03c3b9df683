//! The hand-over from the callback to the SPA: the single-use ticket becomes a portal
//! session like any login's, recorded with its method (SPID or CIE).

use chrono::NaiveDateTime;

use super::FederationLogin;
use crate::accounts::rules::login_method::LoginMethod;
use crate::accounts::session::{self, IssuedSession};
use crate::accounts::store::{accounts, federation_logins};
use crate::accounts::Error;
use crate::platform::auth::tokens::{token_hash, TokenKeys};
use crate::platform::db::{transaction, DbConnection};
use crate::platform::settings::federation::ProviderKind;

pub fn redeem(
    conn: &mut DbConnection,
    login: &FederationLogin,
    keys: &TokenKeys,
    ticket: &str,
    now: NaiveDateTime,
) -> Result<IssuedSession, Error> {
    transaction(conn, |conn| {
        let session_id = uuid::Uuid::now_v7().to_string();
        let row = federation_logins::redeem(conn, &token_hash(ticket), &session_id, now)?
            .ok_or(Error::LoginTicketInvalid)?;
        let account_id = row.account_id.ok_or(Error::LoginTicketInvalid)?;
        let account = accounts::find_by_id(conn, &account_id)?.ok_or(Error::LoginTicketInvalid)?;
        // Locked between the provider's answer and now: no session.
        session::ensure_active(&account)?;
        // A provider removed from the settings since counts as SPID.
        let kind = login
            .provider(&row.provider_id)
            .map_or(ProviderKind::Spid, |p| p.kind);
        let method = LoginMethod::of_provider(kind);
        session::issue(conn, keys, &account, Some(session_id), method, now)
    })
}
