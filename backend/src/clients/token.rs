//! The client-credentials grant (RFC 6749 §4.4): the client's id and secret — or a JWT
//! signed with a key it registered (`private_key_jwt`, RFC 7523) — checked against its
//! registration (not revoked, called from an allowed address), become a short-lived
//! access token with the scopes asked for among those granted. Issued and refused tokens
//! are audit-logged.

use std::net::IpAddr;

use chrono::Utc;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::clients::assertion;
use crate::clients::error::TokenError;
use crate::clients::rules;
use crate::clients::store::{self, ClientRow};
use crate::platform::auth::client::{client_claims, subject_of, ClientGrant, CLIENT_TOKEN_SECONDS};
use crate::platform::auth::revocations;
use crate::platform::auth::{Scope, TokenKeys};
use crate::platform::db::DbConnection;
use crate::platform::jose::{jws, CLIENT_ASSERTION_TYPE};

/// What the client sent.
pub struct TokenRequest {
    pub grant_type: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub client_assertion_type: Option<String>,
    pub client_assertion: Option<String>,
    pub scope: Option<String>,
}

/// How the client proves who it is.
enum Credential {
    Secret(String),
    Assertion(String),
}

pub struct IssuedToken {
    pub access_token: String,
    pub expires_in: i64,
    pub scope: String,
}

/// `audiences`: what an assertion's `aud` may be (the token endpoint's URL, the portal's).
pub fn issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    origin: &Origin,
    ip: Option<IpAddr>,
    audiences: &[String],
    request: TokenRequest,
) -> Result<IssuedToken, TokenError> {
    match request.grant_type.as_deref() {
        Some("client_credentials") => {}
        Some(_) => return Err(TokenError::UnsupportedGrantType),
        None => return Err(TokenError::InvalidRequest("grant_type is missing".into())),
    }
    let (client_id, credential) = credential_of(
        request.client_id,
        request.client_secret,
        request.client_assertion_type,
        request.client_assertion,
    )?;
    let client = store::find(conn, &client_id)?;
    let proven = client
        .as_ref()
        .filter(|c| c.revoked_at.is_none())
        .map(|c| authenticated(conn, c, &credential, audiences))
        .transpose()?
        .unwrap_or(false);
    let outcome = check_and_issue(
        conn,
        keys,
        client.as_ref().filter(|_| proven),
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

/// The client id and its proof, from the form: a secret, or an assertion (whose `iss`
/// names the client when the form does not).
fn credential_of(
    client_id: Option<String>,
    secret: Option<String>,
    assertion_type: Option<String>,
    assertion: Option<String>,
) -> Result<(String, Credential), TokenError> {
    match (secret, assertion_type, assertion) {
        (Some(secret), None, None) => Ok((
            client_id.ok_or(TokenError::InvalidClient)?,
            Credential::Secret(secret),
        )),
        (None, Some(kind), Some(assertion)) if kind == CLIENT_ASSERTION_TYPE => {
            let issuer = jws::peek(&assertion)
                .ok()
                .and_then(|(_, claims)| claims.get("iss")?.as_str().map(str::to_owned));
            let id = client_id.or(issuer).ok_or(TokenError::InvalidClient)?;
            Ok((id, Credential::Assertion(assertion)))
        }
        (None, Some(_), Some(_)) => Err(TokenError::InvalidRequest(format!(
            "client_assertion_type must be {CLIENT_ASSERTION_TYPE}"
        ))),
        (None, None, None) => Err(TokenError::InvalidClient),
        _ => Err(TokenError::InvalidRequest(
            "authenticate with either client_secret or client_assertion and its type".into(),
        )),
    }
}

/// Whether the credential proves the client: its secret, or — for a client that
/// registered keys — an assertion signed by one of them, with good claims, never used
/// before.
fn authenticated(
    conn: &mut DbConnection,
    client: &ClientRow,
    credential: &Credential,
    audiences: &[String],
) -> Result<bool, TokenError> {
    match (credential, client.public_jwks.as_deref()) {
        (Credential::Secret(secret), None) => {
            Ok(rules::secret_matches(secret, &client.secret_hash))
        }
        (Credential::Assertion(assertion), Some(jwks)) => {
            let jwks: serde_json::Value = serde_json::from_str(jwks)
                .map_err(|e| TokenError::Server(format!("stored keys: {e}")))?;
            let now = Utc::now();
            let checked = jws::verify(assertion, &jwks)
                .map_err(|e| e.to_string())
                .and_then(|claims| {
                    assertion::check_claims(&claims, &client.id, audiences, now.timestamp())
                });
            let accepted = match checked {
                Ok(accepted) => accepted,
                Err(why) => {
                    tracing::info!(client_id = %client.id, %why, "client assertion refused");
                    return Ok(false);
                }
            };
            let fresh = store::remember_assertion(
                conn,
                &client.id,
                &accepted.jti,
                accepted.expires_at.naive_utc(),
                now.naive_utc(),
            )?;
            if !fresh {
                tracing::info!(client_id = %client.id, "client assertion replayed");
            }
            Ok(fresh)
        }
        // A secret for a key client, or an assertion for a secret client.
        _ => Ok(false),
    }
}

fn check_and_issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    client: Option<&ClientRow>,
    ip: Option<IpAddr>,
    requested: Option<&str>,
) -> Result<IssuedToken, TokenError> {
    let client = client
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
