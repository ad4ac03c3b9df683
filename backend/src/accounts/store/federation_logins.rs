//! SPID/CIE logins in progress and the provider tokens of the sessions they opened.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::platform::db::schema::federation_logins;
use crate::platform::db::{DbConnection, DbError};

/// Where a login stands. `started` rows are claimed once by the callback, so a replayed
/// `state` finds nothing to claim.
pub mod status {
    pub const STARTED: &str = "started";
    pub const CALLED_BACK: &str = "called_back";
    pub const AUTHENTICATED: &str = "authenticated";
    pub const COMPLETED: &str = "completed";
    pub const FAILED: &str = "failed";
}

#[derive(Debug, Clone, Insertable, Queryable, Selectable)]
#[diesel(table_name = federation_logins)]
pub struct FederationLoginRow {
    pub state: String,
    pub provider_id: String,
    pub nonce: String,
    pub code_verifier: String,
    pub return_to: String,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub account_id: Option<String>,
    pub acr: Option<String>,
    pub ticket_hash: Option<String>,
    pub provider_access_token: Option<String>,
    pub revocation_endpoint: Option<String>,
    pub session_id: Option<String>,
    pub finished_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &FederationLoginRow) -> Result<(), DbError> {
    diesel::insert_into(federation_logins::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The started, unexpired login of `state`, moved to `called_back` in the same statement:
/// of two requests with one `state`, only one gets the row.
pub fn claim(
    conn: &mut DbConnection,
    state: &str,
    now: NaiveDateTime,
) -> Result<Option<FederationLoginRow>, DbError> {
    let claimed = diesel::update(
        federation_logins::table
            .filter(federation_logins::state.eq(state))
            .filter(federation_logins::status.eq(status::STARTED))
            .filter(federation_logins::expires_at.gt(now)),
    )
    .set(federation_logins::status.eq(status::CALLED_BACK))
    .execute(conn)?;
    if claimed == 0 {
        return Ok(None);
    }
    Ok(federation_logins::table
        .find(state)
        .select(FederationLoginRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn fail(conn: &mut DbConnection, state: &str, now: NaiveDateTime) -> Result<(), DbError> {
    diesel::update(federation_logins::table.find(state))
        .set((
            federation_logins::status.eq(status::FAILED),
            federation_logins::finished_at.eq(Some(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The provider has authenticated the citizen: the account, the level, the provider's
/// token, and the hash of the ticket that hands the session to the browser.
pub struct Authenticated<'a> {
    pub account_id: &'a str,
    pub acr: &'a str,
    pub ticket_hash: &'a str,
    pub ticket_expires_at: NaiveDateTime,
    pub provider_access_token: Option<&'a str>,
    pub revocation_endpoint: Option<&'a str>,
}

pub fn authenticate(
    conn: &mut DbConnection,
    state: &str,
    done: &Authenticated,
) -> Result<(), DbError> {
    diesel::update(federation_logins::table.find(state))
        .set((
            federation_logins::status.eq(status::AUTHENTICATED),
            federation_logins::account_id.eq(Some(done.account_id)),
            federation_logins::acr.eq(Some(done.acr)),
            federation_logins::ticket_hash.eq(Some(done.ticket_hash)),
            // The ticket's own short life replaces the login's.
            federation_logins::expires_at.eq(done.ticket_expires_at),
            federation_logins::provider_access_token.eq(done.provider_access_token),
            federation_logins::revocation_endpoint.eq(done.revocation_endpoint),
        ))
        .execute(conn)?;
    Ok(())
}

/// The authenticated login of an unexpired ticket, moved to `completed` with the session
/// it opens; a second use finds nothing.
pub fn redeem(
    conn: &mut DbConnection,
    ticket_hash: &str,
    session_id: &str,
    now: NaiveDateTime,
) -> Result<Option<FederationLoginRow>, DbError> {
    let redeemed = diesel::update(
        federation_logins::table
            .filter(federation_logins::ticket_hash.eq(ticket_hash))
            .filter(federation_logins::status.eq(status::AUTHENTICATED))
            .filter(federation_logins::expires_at.gt(now)),
    )
    .set((
        federation_logins::status.eq(status::COMPLETED),
        federation_logins::session_id.eq(Some(session_id)),
        federation_logins::finished_at.eq(Some(now)),
    ))
    .execute(conn)?;
    if redeemed == 0 {
        return Ok(None);
    }
    Ok(federation_logins::table
        .filter(federation_logins::ticket_hash.eq(ticket_hash))
        .select(FederationLoginRow::as_select())
        .first(conn)
        .optional()?)
}

/// The provider tokens still held for a session, taken away (logging out revokes them
/// once).
pub fn take_provider_tokens(
    conn: &mut DbConnection,
    session_id: &str,
) -> Result<Vec<FederationLoginRow>, DbError> {
    let rows: Vec<FederationLoginRow> = federation_logins::table
        .filter(federation_logins::session_id.eq(session_id))
        .filter(federation_logins::provider_access_token.is_not_null())
        .select(FederationLoginRow::as_select())
        .load(conn)?;
    diesel::update(federation_logins::table.filter(federation_logins::session_id.eq(session_id)))
        .set(federation_logins::provider_access_token.eq(None::<String>))
        .execute(conn)?;
    Ok(rows)
}

/// Forgets logins that never came back or were never redeemed (their life is over at
/// `now`), and completed ones whose session cannot be alive any more (finished before
/// `sessions_ended_before`), so the table keeps no verifier or token longer than needed.
pub fn prune(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    sessions_ended_before: NaiveDateTime,
) -> Result<usize, DbError> {
    let abandoned = diesel::delete(
        federation_logins::table
            .filter(federation_logins::status.ne(status::COMPLETED))
            .filter(federation_logins::expires_at.lt(now)),
    )
    .execute(conn)?;
    let ended = diesel::delete(
        federation_logins::table
            .filter(federation_logins::status.eq(status::COMPLETED))
            .filter(federation_logins::finished_at.lt(sessions_ended_before)),
    )
    .execute(conn)?;
    Ok(abandoned + ended)
}
