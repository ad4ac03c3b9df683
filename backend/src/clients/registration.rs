//! The back office's use cases: register a client, renew its secret, revoke it. Each
//! writes its audit entry in its transaction; renewing and revoking also void the access
//! tokens already issued (the client's generation rises in the revocations).

use chrono::NaiveDateTime;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::clients::assertion::check_public_jwks;
use crate::clients::rules::{self, CheckedClient, NewClient};
use crate::clients::store::{self, ClientRow};
use crate::clients::Error;
use crate::platform::auth::client::subject_of;
use crate::platform::auth::revocations;
use crate::platform::auth::Scope;
use crate::platform::db::{transaction, DbConnection};

/// Who acts in the back office, for the audit log.
pub struct Admin<'a> {
    pub account_id: &'a str,
    pub label: &'a str,
}

/// A client with the secret that goes to its owner once (none for a client that
/// authenticates with its keys).
pub struct Issued {
    pub client: ClientRow,
    pub secret: Option<String>,
}

pub fn register(
    conn: &mut DbConnection,
    origin: &Origin,
    admin: &Admin,
    new: NewClient,
    now: NaiveDateTime,
) -> Result<Issued, Error> {
    let CheckedClient {
        name,
        organisation,
        contact_email,
        scopes,
        allowed_ips,
        rate_limit_per_minute,
        public_jwks,
    } = rules::check(new).map_err(Error::Invalid)?;
    // A key-authenticated client gets no secret: the hash of one nobody ever sees.
    let (secret, secret_hash) = rules::new_secret();
    let secret = public_jwks.is_none().then_some(secret);
    let ips: Vec<String> = allowed_ips.iter().map(ToString::to_string).collect();
    let client = ClientRow {
        id: rules::new_client_id(),
        name,
        organisation,
        contact_email,
        scopes: Scope::join(&scopes),
        allowed_ips: (!ips.is_empty()).then(|| ips.join(",")),
        rate_limit_per_minute,
        secret_hash,
        secret_created_at: now,
        created_at: now,
        created_by: admin.account_id.to_owned(),
        revoked_at: None,
        public_jwks,
    };
    transaction(conn, |conn| {
        store::insert(conn, &client)?;
        record(conn, origin, admin, actions::CLIENT_REGISTERED, &client)?;
        Ok::<_, Error>(())
    })?;
    Ok(Issued { client, secret })
}

pub fn renew_secret(
    conn: &mut DbConnection,
    origin: &Origin,
    admin: &Admin,
    id: &str,
    now: NaiveDateTime,
) -> Result<Issued, Error> {
    let (secret, secret_hash) = rules::new_secret();
    transaction(conn, |conn| {
        let client = store::find(conn, id)?.ok_or(Error::NotFound)?;
        if client.public_jwks.is_some() {
            return Err(Error::UsesKeys);
        }
        if !store::replace_secret(conn, id, &secret_hash, now)? {
            return Err(Error::AlreadyRevoked);
        }
        revocations::void_tokens(conn, &subject_of(id), now)?;
        record(conn, origin, admin, actions::CLIENT_SECRET_RENEWED, &client)?;
        let client = store::find(conn, id)?.ok_or(Error::NotFound)?;
        Ok(Issued {
            client,
            secret: Some(secret),
        })
    })
}

/// Replaces the public keys of a client that authenticates with them; the tokens
/// issued so far stop working.
pub fn replace_keys(
    conn: &mut DbConnection,
    origin: &Origin,
    admin: &Admin,
    id: &str,
    public_jwks: &serde_json::Value,
    now: NaiveDateTime,
) -> Result<ClientRow, Error> {
    let set = check_public_jwks(public_jwks).map_err(|e| Error::Invalid(vec![e]))?;
    transaction(conn, |conn| {
        let client = store::find(conn, id)?.ok_or(Error::NotFound)?;
        if client.revoked_at.is_some() {
            return Err(Error::AlreadyRevoked);
        }
        if !store::replace_keys(conn, id, &set.to_string(), now)? {
            return Err(Error::UsesSecret);
        }
        revocations::void_tokens(conn, &subject_of(id), now)?;
        record(conn, origin, admin, actions::CLIENT_KEYS_REPLACED, &client)?;
        store::find(conn, id)?.ok_or(Error::NotFound)
    })
}

pub fn revoke(
    conn: &mut DbConnection,
    origin: &Origin,
    admin: &Admin,
    id: &str,
    now: NaiveDateTime,
) -> Result<ClientRow, Error> {
    transaction(conn, |conn| {
        let client = store::find(conn, id)?.ok_or(Error::NotFound)?;
        if !store::revoke(conn, id, now)? {
            return Err(Error::AlreadyRevoked);
        }
        revocations::void_tokens(conn, &subject_of(id), now)?;
        record(conn, origin, admin, actions::CLIENT_REVOKED, &client)?;
        store::find(conn, id)?.ok_or(Error::NotFound)
    })
}

fn record(
    conn: &mut DbConnection,
    origin: &Origin,
    admin: &Admin,
    action: &'static str,
    client: &ClientRow,
) -> Result<(), Error> {
    let actor = Actor {
        id: Some(admin.account_id),
        label: admin.label,
    };
    let mut entry = AuditEntry::new(actor, action).subject("client", &client.id);
    entry.details = serde_json::json!({
        "client_id": client.id,
        "name": client.name,
        "organisation": client.organisation,
        "scopes": client.scopes,
    });
    audit::record(conn, origin, entry)?;
    Ok(())
}
