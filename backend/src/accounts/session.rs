//! Sessions: login with throttling, refresh-token rotation with reuse detection, logout
//! and password change. Runs on the blocking pool (argon2 is deliberately slow).

use std::sync::OnceLock;

use chrono::{NaiveDateTime, Utc};

use super::password;
use crate::accounts::rules::login_method::LoginMethod;
use crate::accounts::rules::status::AccountStatus;
use crate::accounts::store::accounts::{self, AccountRow, LoginName};
use crate::accounts::store::sessions::{self, RefreshTokenRow};
use crate::accounts::Error;
use crate::platform::auth::permissions::Role;
use crate::platform::auth::revocations;
use crate::platform::auth::tokens::{self, TokenKeys, ACCESS_TOKEN_TTL};
use crate::platform::db::DbConnection;
use crate::platform::throttle::{
    self,
    rule::{PER_ACCOUNT, PER_ADDRESS},
};
use crate::registry::rules::fiscal_code::FiscalCode;

/// What a successful login or refresh hands out.
#[derive(Debug, Clone)]
pub struct IssuedSession {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: i64,
    pub must_change_password: bool,
    pub account_id: String,
    pub label: String,
}

pub fn label_of(account: &AccountRow) -> String {
    match (&account.fiscal_code, &account.username) {
        (Some(code), _) => format!("{} {} ({code})", account.surname, account.name),
        (None, Some(username)) => username.clone(),
        (None, None) => account.id.clone(),
    }
}

/// Verifying against this when the account does not exist keeps the answer time the
/// same, so timing does not tell which user ids exist.
fn dummy_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| password::hash("dummy-password-0").unwrap_or_default())
}

fn throttle_keys(login: &LoginName, ip: Option<&str>) -> (String, Option<String>) {
    let account_key = match login {
        LoginName::FiscalCode(code) => format!("login:{code}"),
        LoginName::Username(name) | LoginName::Either(name) => {
            format!("login:{}", name.to_lowercase())
        }
    };
    (account_key, ip.map(|ip| format!("ip:{ip}")))
}

/// Checks the credentials; on failure counts it against the login and the address.
/// Returns the account on success, whatever its status.
pub fn check_credentials(
    conn: &mut DbConnection,
    login: &LoginName,
    password_attempt: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> Result<AccountRow, Error> {
    // Resolved first, so that one account has one failure counter whichever field named it.
    let login = &accounts::resolve_login(conn, login)?;
    let (account_key, ip_key) = throttle_keys(login, ip);
    for key in std::iter::once(&account_key).chain(ip_key.as_ref()) {
        throttle::ensure_open(conn, key)?;
    }
    let account = accounts::find_by_login(conn, login)?;
    let stored = account
        .as_ref()
        .and_then(|a| a.password_hash.as_deref())
        .unwrap_or(dummy_hash());
    let valid = password::verify(password_attempt, stored)
        && account.as_ref().is_some_and(|a| a.password_hash.is_some());
    match account {
        Some(account) if valid => {
            throttle::clear(conn, &account_key)?;
            Ok(account)
        }
        _ => {
            throttle::count_failure(conn, &account_key, &PER_ACCOUNT, now)?;
            if let Some(key) = &ip_key {
                throttle::count_failure(conn, key, &PER_ADDRESS, now)?;
            }
            Err(Error::InvalidCredentials)
        }
    }
}

pub fn ensure_active(account: &AccountRow) -> Result<(), Error> {
    match AccountStatus::from_stored(&account.status) {
        AccountStatus::Active => Ok(()),
        AccountStatus::PendingIdentification => Err(Error::PendingIdentification),
        AccountStatus::Rejected => Err(Error::Rejected),
        AccountStatus::Locked => Err(Error::Locked),
    }
}

/// The active account a verified smart card names. No password and no throttling: the
/// TLS handshake has proved possession of the card's key, which cannot be guessed.
pub fn check_smart_card(
    conn: &mut DbConnection,
    fiscal_code: &FiscalCode,
) -> Result<AccountRow, Error> {
    let login = LoginName::FiscalCode(fiscal_code.as_str().to_owned());
    let account = accounts::find_by_login(conn, &login)?.ok_or(Error::SmartCardNotRegistered)?;
    ensure_active(&account)?;
    Ok(account)
}

/// A new access token and a refresh token in `family_id` (a new family for a login).
/// `method` is how the session began; it decides the first-login password change.
pub fn issue(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    account: &AccountRow,
    family_id: Option<String>,
    method: LoginMethod,
    now: NaiveDateTime,
) -> Result<IssuedSession, Error> {
    let role = Role::parse(&account.role)
        .ok_or_else(|| Error::Corrupt(format!("unknown role {}", account.role)))?;
    let permissions = accounts::permissions_of(conn, &account.id)?;
    let label = label_of(account);
    let must_change_password = method.must_change_password(account.must_change_password);
    let family_id = family_id.unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    let holder = tokens::Holder {
        account_id: &account.id,
        role,
        label: &label,
        generation: revocations::current_generation(conn, &account.id)?,
        session_id: &family_id,
    };
    let claims = tokens::new_claims(&holder, permissions, must_change_password);
    let access_token = keys
        .issue(&claims)
        .map_err(|e| Error::Token(e.to_string()))?;
    let refresh_token = tokens::random_token();
    sessions::insert_refresh_token(
        conn,
        &RefreshTokenRow {
            id: uuid::Uuid::now_v7().to_string(),
            account_id: account.id.clone(),
            family_id,
            token_hash: tokens::token_hash(&refresh_token),
            created_at: now,
            expires_at: tokens::refresh_expiry(now),
            used_at: None,
            revoked_at: None,
            login_method: method.as_str().to_owned(),
        },
    )?;
    Ok(IssuedSession {
        access_token,
        refresh_token,
        expires_in: ACCESS_TOKEN_TTL.num_seconds(),
        must_change_password,
        account_id: account.id.clone(),
        label,
    })
}

/// The outcome of presenting a refresh token.
pub enum Refresh {
    Issued(IssuedSession),
    /// A token that was already rotated: its whole family is now revoked.
    Reused {
        account_id: String,
    },
    Invalid,
}

pub fn refresh(
    conn: &mut DbConnection,
    keys: &TokenKeys,
    presented: &str,
) -> Result<Refresh, Error> {
    let now = Utc::now().naive_utc();
    let Some(token) = sessions::find_refresh_token(conn, &tokens::token_hash(presented))? else {
        return Ok(Refresh::Invalid);
    };
    if token.revoked_at.is_some() && token.used_at.is_none() {
        return Ok(Refresh::Invalid);
    }
    if token.used_at.is_some() || !sessions::consume_refresh_token(conn, &token.id, now)? {
        sessions::revoke_family(conn, &token.account_id, &token.family_id, now)?;
        return Ok(Refresh::Reused {
            account_id: token.account_id,
        });
    }
    if token.expires_at <= now {
        return Ok(Refresh::Invalid);
    }
    let Some(account) = accounts::find_by_id(conn, &token.account_id)? else {
        return Ok(Refresh::Invalid);
    };
    if ensure_active(&account).is_err() {
        sessions::revoke_family(conn, &token.account_id, &token.family_id, now)?;
        return Ok(Refresh::Invalid);
    }
    let method = LoginMethod::from_stored(&token.login_method);
    Ok(Refresh::Issued(issue(
        conn,
        keys,
        &account,
        Some(token.family_id),
        method,
        now,
    )?))
}

/// Which sessions a logout ends.
pub enum LogoutScope {
    /// The session of this refresh token (if it is the account's).
    RefreshToken(String),
    /// This session (refresh family).
    Session(String),
    /// Every session of the account.
    Everywhere,
}

pub fn logout(conn: &mut DbConnection, account_id: &str, scope: &LogoutScope) -> Result<(), Error> {
    let now = Utc::now().naive_utc();
    let family = match scope {
        LogoutScope::RefreshToken(presented) => {
            sessions::find_refresh_token(conn, &tokens::token_hash(presented))?
                .filter(|t| t.account_id == account_id)
                .map(|t| t.family_id)
        }
        LogoutScope::Session(family) => Some(family.clone()),
        LogoutScope::Everywhere => None,
    };
    match family {
        Some(family) => sessions::revoke_family(conn, account_id, &family, now)?,
        None => sessions::revoke_all_of_account(conn, account_id, now)?,
    };
    Ok(())
}
