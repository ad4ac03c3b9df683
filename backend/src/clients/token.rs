//! The client-credentials grant (RFC 6749 §4.4): the client's id and secret, checked
//! against its registration (not revoked, called from an allowed address), become a
//! short-lived access token with the scopes asked for among those granted. Issued and
//! refused tokens are audit-logged.

use std::net::IpAddr;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::clients::error::TokenError;
use crate::clients::rules;
use crate::clients::store::{self, ClientRow};
use crate::platform::auth::client::{client_claims, subject_of, ClientGrant, CLIENT_TOKEN_SECONDS};
use crate::platform::auth::revocations;
use crate::platform::auth::{Scope, TokenKeys};
use crate::platform::db::DbConnection;

/// What the client sent.
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub scope: Option<String>,
}

pub struct IssuedToken {
    pub access_token: String,
    pub expires_in: i64,
    pub scope: String,
}

pub fn issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    origin: &Origin,
    ip: Option<IpAddr>,
    request: TokenRequest,
) -> Result<IssuedToken, TokenError> {
    match request.grant_type.as_deref() {
        Some("client_credentials") => {}
        Some(_) => return Err(TokenError::UnsupportedGrantType),
        None => return Err(TokenError::InvalidRequest("grant_type is missing".into())),
    }
    let (Some(client_id), Some(secret)) = (request.client_id, request.client_secret) else {
        return Err(TokenError::InvalidClient);
    };
    let client = store::find(conn, &client_id)?;
    let outcome = check_and_issue(
        conn,
        keys,
        client.as_ref(),
        &secret,
        ip,
        request.scope.as_deref(),
    );
    let mut entry = match (&outcome, &client) {
        (Ok(_), Some(client)) => AuditEntry::new(actor(client), actions::CLIENT_TOKEN_ISSUED),
        _ => {
            let label = format!("applicazione {client_id}");
            let mut entry = AuditEntry::new(
                Actor {
                    id: None,
                    label: &label,
                },
                actions::CLIENT_TOKEN_REFUSED,
            );
            entry.details = serde_json::json!({"client_id": client_id, "error": outcome.as_ref().err().map(TokenError::code)});
            audit::record(conn, origin, entry)?;
            return outcome;
        }
    };
    entry = entry.subject("client", &client_id);
    entry.details = serde_json::json!({
        "client_id": client_id,
        "scope": outcome.as_ref().map(|t| t.scope.clone()).unwrap_or_default(),
    });
    audit::record(conn, origin, entry)?;
    outcome
}

fn actor(client: &ClientRow) -> Actor<'_> {
    Actor {
        id: None,
        label: &client.organisation,
    }
}

fn check_and_issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    client: Option<&ClientRow>,
    secret: &str,
    ip: Option<IpAddr>,
    requested: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    let client = client
        .filter(|c| c.revoked_at.is_none())
        .filter(|c| rules::secret_matches(secret, &c.secret_hash))
        .filter(|c| rules::address_allowed(c.allowed_ips.as_deref(), ip))
        .ok_or(TokenError::InvalidClient)?;
    let granted = Scope::parse_list(&client.scopes).unwrap_or_default();
    let scopes = rules::requested_scopes(&granted, requested).map_err(TokenError::InvalidScope)?;
    let generation = revocations::current_generation(conn, &subject_of(&client.id))?;
    let claims = client_claims(&ClientGrant {
        client_id: &client.id,
        name: &client.name,
        organisation: &client.organisation,
        scopes: &scopes,
        rate_limit_per_minute: u32::try_from(client.rate_limit_per_minute).unwrap_or(1),
        generation,
    });
    let access_token = keys
        .issue_as(&claims)
        .map_err(|e| TokenError::Server(e.to_string()))?;
    Ok(IssuedToken {
        access_token,
        expires_in: CLIENT_TOKEN_SECONDS,
        scope: Scope::join(&scopes),
    })
}
