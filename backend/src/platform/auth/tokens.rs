//! Access tokens (short-lived JWTs, HS256 with the instance's secret) and refresh tokens
//! (random, opaque, stored only as their SHA-256).

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{Duration, NaiveDateTime, Utc};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::platform::auth::permissions::{Permission, Role};

pub const ACCESS_TOKEN_TTL: Duration = Duration::minutes(15);
pub const REFRESH_TOKEN_TTL: Duration = Duration::days(14);
pub const ISSUER: &str = "portale";

/// What an access token says about its holder. Permissions are fixed when the token is
/// issued: a change of groups takes effect at the next refresh (at most 15 minutes).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    pub role: Role,
    /// How the user is named in logs: "Rossi Mario (RSSMRA85T10H501O)" or a username.
    pub label: String,
    pub perms: BTreeSet<Permission>,
    /// The password must be changed before anything else.
    pub mcp: bool,
    /// The account's session generation when issued (see `revocations`); tokens from
    /// before generations existed count as generation 0.
    #[serde(default)]
    pub gen: i64,
    /// The session (refresh family) the token belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    secret: Vec<u8>,
}

impl TokenKeys {
    pub fn from_secret(secret: &[u8]) -> TokenKeys {
        // HS256 only: a token naming another algorithm (or `none`) is refused.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iss", "sub"]);
        validation.leeway = 30;
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            secret: secret.to_vec(),
        }
    }

    /// The configured secret, or one generated once into the data directory. Several
    /// instances behind one load balancer must share a configured secret.
    pub fn load(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<TokenKeys> {
        if let Some(secret) = configured {
            anyhow::ensure!(
                secret.len() >= 32,
                "PORTALE_JWT_SECRET must be at least 32 characters"
            );
            return Ok(TokenKeys::from_secret(secret.as_bytes()));
        }
        let path = data_dir.join("jwt-secret.key");
        let secret = match std::fs::read_to_string(&path) {
            Ok(secret) => secret.trim().to_owned(),
            Err(_) => {
                std::fs::create_dir_all(data_dir)?;
                let secret = random_token();
                write_private(&path, &secret)?;
                secret
            }
        };
        Ok(TokenKeys::from_secret(secret.as_bytes()))
    }

    pub fn issue(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
    }

    /// HMAC-SHA256 of `message` under the instance secret, for values the server hands
    /// out and must recognise later without storing them (registration challenges).
    /// `purpose` separates the uses of the one secret.
    pub fn mac(&self, purpose: &str, message: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.secret)
            .expect("HMAC accepts keys of any length");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(message.as_bytes());
        crate::platform::hex::encode(&mac.finalize().into_bytes())
    }

    pub fn verify(&self, token: &str) -> Option<Claims> {
        self.verify_as::<Claims>(token)
    }

    /// Signs other claims with the same key and rules (third-party clients' tokens).
    pub fn issue_as<T: serde::Serialize>(
        &self,
        claims: &T,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
    }

    /// Checks a token of this key whose claims have the shape `T`; a token of another
    /// shape (a person's for a client's, or the reverse) does not decode.
    pub fn verify_as<T: serde::de::DeserializeOwned>(&self, token: &str) -> Option<T> {
        decode::<T>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

/// Who the token is for and which session of theirs.
pub struct Holder<'a> {
    pub account_id: &'a str,
    pub role: Role,
    pub label: &'a str,
    pub generation: i64,
    pub session_id: &'a str,
}

pub fn new_claims(holder: &Holder<'_>, perms: BTreeSet<Permission>, mcp: bool) -> Claims {
    let now = Utc::now();
    Claims {
        sub: holder.account_id.to_owned(),
        iss: ISSUER.to_owned(),
        iat: now.timestamp(),
        exp: (now + ACCESS_TOKEN_TTL).timestamp(),
        jti: uuid::Uuid::new_v4().to_string(),
        role: holder.role,
        label: holder.label.to_owned(),
        perms,
        mcp,
        gen: holder.generation,
        sid: Some(holder.session_id.to_owned()),
    }
}

/// 244 random bits from the OS generator (two v4 UUIDs), as 64 hex characters.
pub fn random_token() -> String {
    let first = uuid::Uuid::new_v4();
    let second = uuid::Uuid::new_v4();
    format!("{}{}", first.simple(), second.simple())
}

pub fn token_hash(token: &str) -> String {
    crate::platform::hex::encode(&Sha256::digest(token.as_bytes()))
}

pub fn refresh_expiry(now: NaiveDateTime) -> NaiveDateTime {
    now + REFRESH_TOKEN_TTL
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::from_secret(b"0123456789abcdef0123456789abcdef")
    }

    fn claims() -> Claims {
        let holder = Holder {
            account_id: "acc-1",
            role: Role::Operator,
            label: "operatore",
            generation: 0,
            session_id: "family-1",
        };
        new_claims(&holder, [Permission::AuditRead].into(), false)
    }

    #[test]
    fn issued_tokens_verify_and_carry_the_claims() {
        let token = keys().issue(&claims()).unwrap();
        let back = keys().verify(&token).unwrap();
        assert_eq!(back.sub, "acc-1");
        assert!(back.perms.contains(&Permission::AuditRead));
    }

    #[test]
    fn tampered_expired_foreign_and_unsigned_tokens_are_refused() {
        let token = keys().issue(&claims()).unwrap();
        let mut tampered = token.clone();
        tampered.pop();
        tampered.push(if token.ends_with('A') { 'B' } else { 'A' });
        assert!(keys().verify(&tampered).is_none());

        let other = TokenKeys::from_secret(b"another-secret-another-secret-xx");
        assert!(other.verify(&token).is_none());

        let mut old = claims();
        old.exp = Utc::now().timestamp() - 120;
        assert!(keys().verify(&keys().issue(&old).unwrap()).is_none());

        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = engine.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let payload = engine.encode(serde_json::to_vec(&claims()).unwrap());
        assert!(keys().verify(&format!("{header}.{payload}.")).is_none());
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let a = random_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, random_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
