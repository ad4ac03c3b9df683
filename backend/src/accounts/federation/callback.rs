//! The way back from the identity provider: the login claimed once by its `state`, the
//! code exchanged with `private_key_jwt`, the ID token and the encrypted userinfo
//! verified against the provider's keys from its trust chain, and the codice fiscale
//! taken to the account. Every outcome is audit-logged.

use chrono::{Duration, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{failure, FederationLogin, LoginFailure, CLIENT_ASSERTION_TYPE};
use crate::accounts::rules::federation::{
    check_id_token, fiscal_number, Expected, FiscalNumberProblem,
};
use crate::accounts::rules::login_method::LoginMethod;
use crate::accounts::rules::status::AccountStatus;
use crate::accounts::session::label_of;
use crate::accounts::store::accounts::{self as account_store, AccountRow};
use crate::accounts::store::federation_logins::{self, Authenticated, FederationLoginRow};
use crate::accounts::store::login_names::{find_by_login, LoginName};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::auth::tokens::{random_token, token_hash};
use crate::platform::db::{transaction, Database, DbConnection};
use crate::platform::federation::ResolvedEntity;
use crate::platform::jose::{jwe, jws, JoseError};
use crate::platform::settings::federation::ProviderSettings;
use crate::registry::rules::fiscal_code::FiscalCode;

/// The query the provider sends the browser back with (OAuth 2.0 §4.1.2).
#[derive(Debug, Default, Deserialize)]
pub struct CallbackParams {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

/// A successful return: the ticket the SPA exchanges for the session, and where the
/// citizen was going.
pub struct Landing {
    pub ticket: String,
    pub return_to: String,
}

/// How long the SPA has to redeem its ticket.
const TICKET_SECONDS: i64 = 120;

pub async fn complete(
    login: &FederationLogin,
    db: &Database,
    origin: Origin,
    params: CallbackParams,
) -> Result<Landing, LoginFailure> {
    let mut claimed: Option<FederationLoginRow> = None;
    let outcome = attempt(login, db, &origin, params, &mut claimed).await;
    if let Err(failure) = &outcome {
        let provider = claimed.as_ref().map(|row| row.provider_id.clone());
        let state = claimed.map(|row| row.state);
        failure::record(login, db, origin, provider, state, failure).await;
    }
    outcome
}

async fn attempt(
    login: &FederationLogin,
    db: &Database,
    origin: &Origin,
    params: CallbackParams,
    claimed: &mut Option<FederationLoginRow>,
) -> Result<Landing, LoginFailure> {
    let now = Utc::now();
    let state = params.state.clone().unwrap_or_default();
    let row = db
        .run(move |conn| federation_logins::claim(conn, &state, now.naive_utc()))
        .await?;
    *claimed = row.clone();
    let row = row.ok_or(LoginFailure::StateInvalid)?;
    if let Some(error) = params.error {
        return Err(LoginFailure::ProviderRefused {
            error,
            description: params.error_description.unwrap_or_default(),
        });
    }
    let code = params
        .code
        .filter(|c| !c.is_empty())
        .ok_or(LoginFailure::TokenRefused("no code".into()))?;
    let provider = login
        .provider(&row.provider_id)
        .ok_or(LoginFailure::UnknownProvider)?;
    let resolved = login
        .chains
        .resolve(&provider.entity_id, "openid_provider", now.timestamp())
        .await?;
    let tokens = exchange_code(login, &resolved, &code, &row.code_verifier).await?;
    let id_token = tokens["id_token"]
        .as_str()
        .ok_or(LoginFailure::TokenRefused("no id_token".into()))?;
    let access_token = tokens["access_token"]
        .as_str()
        .ok_or(LoginFailure::TokenRefused("no access_token".into()))?;
    let (id_claims, resolved) = verify_with_fresh_keys(login, provider, resolved, id_token).await?;
    let min_level = login.min_level(provider.kind);
    let expected = Expected {
        issuer: &provider.entity_id,
        client_id: &login.entity_id,
        nonce: &row.nonce,
        min_level,
        now: Utc::now().timestamp(),
    };
    let (subject, acr) =
        check_id_token(&id_claims, &expected).map_err(|p| LoginFailure::IdToken(p.code()))?;
    let userinfo = fetch_userinfo(login, &resolved, access_token).await?;
    if userinfo["sub"].as_str() != Some(subject.as_str()) {
        return Err(LoginFailure::Userinfo(
            "its subject is not the ID token's".into(),
        ));
    }
    let fiscal_code = fiscal_number(&userinfo).map_err(|problem| match problem {
        FiscalNumberProblem::Missing => LoginFailure::FiscalNumberMissing,
        FiscalNumberProblem::Invalid => LoginFailure::FiscalNumberInvalid,
    })?;
    let ticket = random_token();
    let person = Person::from_claims(&userinfo, &id_claims);
    let method = LoginMethod::of_provider(provider.kind);
    let done = Done {
        state: row.state.clone(),
        provider_id: provider.id.clone(),
        acr,
        ticket_hash: token_hash(&ticket),
        access_token: access_token.to_owned(),
        revocation_endpoint: resolved.metadata["revocation_endpoint"]
            .as_str()
            .map(str::to_owned),
        method,
    };
    let origin = origin.clone();
    db.run(move |conn| {
        transaction(conn, |conn| {
            finish(conn, &origin, &fiscal_code, &person, &done)
        })
    })
    .await?;
    Ok(Landing {
        ticket,
        return_to: row.return_to,
    })
}

/// The token endpoint's answer to the code (OpenID Connect Core §3.1.3).
async fn exchange_code(
    login: &FederationLogin,
    resolved: &ResolvedEntity,
    code: &str,
    verifier: &str,
) -> Result<Value, LoginFailure> {
    let endpoint = resolved.metadata["token_endpoint"]
        .as_str()
        .ok_or_else(|| LoginFailure::TokenRefused("no token_endpoint".into()))?;
    let assertion = login.client_assertion(endpoint, Utc::now().timestamp())?;
    let redirect_uri = login.redirect_uri();
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("code_verifier", verifier),
        ("redirect_uri", redirect_uri.as_str()),
        ("client_id", login.entity_id.as_str()),
        ("client_assertion_type", CLIENT_ASSERTION_TYPE),
        ("client_assertion", assertion.as_str()),
    ];
    let response = login
        .chains
        .client()
        .post(endpoint)
        .form(&form)
        .send()
        .await
        .map_err(|e| LoginFailure::Unreachable(e.to_string()))?;
    let status = response.status();
    let body = response
        .text()
        .await
        .map_err(|e| LoginFailure::Unreachable(e.to_string()))?;
    if !status.is_success() {
        return Err(LoginFailure::TokenRefused(format!(
            "{status}: {}",
            truncate(&body)
        )));
    }
    serde_json::from_str(&body).map_err(|_| LoginFailure::TokenRefused("not JSON".into()))
}

/// The ID token's claims, verified with the provider's keys; when they do not verify,
/// the chain is resolved once more (the provider may have rotated its keys).
async fn verify_with_fresh_keys(
    login: &FederationLogin,
    provider: &ProviderSettings,
    resolved: std::sync::Arc<ResolvedEntity>,
    id_token: &str,
) -> Result<(Value, std::sync::Arc<ResolvedEntity>), LoginFailure> {
    match jws::verify(id_token, &resolved.metadata["jwks"]) {
        Ok(claims) => return Ok((claims, resolved)),
        Err(JoseError::Malformed) => return Err(LoginFailure::IdToken("id_token_invalid")),
        Err(_) => {}
    }
    login.chains.forget(&provider.entity_id);
    let fresh = login
        .chains
        .resolve(
            &provider.entity_id,
            "openid_provider",
            Utc::now().timestamp(),
        )
        .await?;
    let claims = jws::verify(id_token, &fresh.metadata["jwks"])
        .map_err(|_| LoginFailure::IdToken("id_token_signature"))?;
    Ok((claims, fresh))
}

/// The userinfo: a JWE to the portal's encryption key around a JWS of the provider.
async fn fetch_userinfo(
    login: &FederationLogin,
    resolved: &ResolvedEntity,
    access_token: &str,
) -> Result<Value, LoginFailure> {
    let endpoint = resolved.metadata["userinfo_endpoint"]
        .as_str()
        .ok_or_else(|| LoginFailure::Userinfo("no userinfo_endpoint".into()))?;
    let response = login
        .chains
        .client()
        .get(endpoint)
        .bearer_auth(access_token)
        .send()
        .await
        .map_err(|e| LoginFailure::Unreachable(e.to_string()))?;
    if !response.status().is_success() {
        return Err(LoginFailure::Userinfo(format!(
            "answered {}",
            response.status()
        )));
    }
    let body = response
        .text()
        .await
        .map_err(|e| LoginFailure::Unreachable(e.to_string()))?;
    let (_, inner) = jwe::decrypt(&body, login.encryption_key.private())
        .map_err(|e| LoginFailure::Userinfo(format!("not decryptable: {e}")))?;
    let inner = String::from_utf8(inner).map_err(|_| LoginFailure::Userinfo("not text".into()))?;
    let claims = jws::verify(&inner, &resolved.metadata["jwks"])
        .map_err(|e| LoginFailure::Userinfo(format!("signature: {e}")))?;
    // SPID/CIE providers leave `iss` and `aud` out of the userinfo; when present they
    // must name the provider and the portal.
    if claims
        .get("iss")
        .is_some_and(|iss| iss.as_str() != Some(resolved.entity_id.as_str()))
    {
        return Err(LoginFailure::Userinfo("issued by another entity".into()));
    }
    let audience_ok = match claims.get("aud") {
        None => true,
        Some(Value::String(one)) => one == &login.entity_id,
        Some(Value::Array(many)) => many
            .iter()
            .any(|a| a.as_str() == Some(login.entity_id.as_str())),
        Some(_) => false,
    };
    if !audience_ok {
        return Err(LoginFailure::Userinfo("addressed to another client".into()));
    }
    Ok(claims)
}

fn truncate(text: &str) -> String {
    text.chars().take(300).collect()
}

/// The person as the provider describes them, for a new account.
struct Person {
    given_name: String,
    family_name: String,
    email: Option<String>,
}

impl Person {
    fn from_claims(userinfo: &Value, id_claims: &Value) -> Person {
        let text = |name: &str| {
            userinfo[name]
                .as_str()
                .or_else(|| id_claims[name].as_str())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        Person {
            given_name: text("given_name").unwrap_or_default(),
            family_name: text("family_name").unwrap_or_default(),
            email: text("email").filter(|e| crate::platform::email::Email::parse(e).is_ok()),
        }
    }
}

struct Done {
    state: String,
    provider_id: String,
    acr: String,
    ticket_hash: String,
    access_token: String,
    revocation_endpoint: Option<String>,
    method: LoginMethod,
}

/// In one transaction: the account found (a pending one activated) or created, the login
/// marked authenticated with its ticket, the audit entries.
fn finish(
    conn: &mut DbConnection,
    origin: &Origin,
    fiscal_code: &FiscalCode,
    person: &Person,
    done: &Done,
) -> Result<(), LoginFailure> {
    let now = Utc::now().naive_utc();
    let login_name = LoginName::FiscalCode(fiscal_code.as_str().to_owned());
    let details =
        json!({"method": done.method.as_str(), "provider": done.provider_id, "acr": done.acr});
    let account = match find_by_login(conn, &login_name)? {
        Some(account) => match AccountStatus::from_stored(&account.status) {
            AccountStatus::Active => account,
            AccountStatus::PendingIdentification => {
                // The identity provider has identified the person as the counter would.
                account_store::set_status(conn, &account.id, AccountStatus::Active, now)?;
                let label = label_of(&account);
                let actor = Actor {
                    id: Some(&account.id),
                    label: &label,
                };
                let mut entry = AuditEntry::new(actor, actions::ACCOUNT_ACTIVATED)
                    .subject("account", &account.id);
                entry.details = details.clone();
                audit::record(conn, origin, entry)?;
                account
            }
            AccountStatus::Locked => return Err(LoginFailure::Account("account_locked")),
            AccountStatus::Rejected => return Err(LoginFailure::Account("account_rejected")),
        },
        None => {
            let account = AccountRow {
                id: uuid::Uuid::now_v7().to_string(),
                role: "citizen".to_owned(),
                fiscal_code: Some(fiscal_code.as_str().to_owned()),
                username: None,
                surname: person.family_name.clone(),
                name: person.given_name.clone(),
                email: person.email.clone(),
                password_hash: None,
                status: AccountStatus::Active.as_str().to_owned(),
                must_change_password: false,
                created_at: now,
            };
            account_store::insert(conn, &account)?;
            let label = label_of(&account);
            let actor = Actor {
                id: Some(&account.id),
                label: &label,
            };
            let mut entry =
                AuditEntry::new(actor, actions::ACCOUNT_REGISTERED).subject("account", &account.id);
            entry.details = details.clone();
            audit::record(conn, origin, entry)?;
            account
        }
    };
    federation_logins::authenticate(
        conn,
        &done.state,
        &Authenticated {
            account_id: &account.id,
            acr: &done.acr,
            ticket_hash: &done.ticket_hash,
            ticket_expires_at: now + Duration::seconds(TICKET_SECONDS),
            provider_access_token: Some(&done.access_token),
            revocation_endpoint: done.revocation_endpoint.as_deref(),
        },
    )?;
    let label = label_of(&account);
    let actor = Actor {
        id: Some(&account.id),
        label: &label,
    };
    let mut entry =
        AuditEntry::new(actor, actions::AUTH_LOGIN_SUCCEEDED).subject("account", &account.id);
    entry.details = details;
    audit::record(conn, origin, entry)?;
    Ok(())
}
