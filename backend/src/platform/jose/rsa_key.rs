//! An RSA key pair of the portal as the federation sees it: a JWK with its RFC 7638
//! thumbprint as `kid`, kept as PKCS#8 PEM in the data directory (generated at first
//! start when the settings name no file), signing RS256 and decrypting RSA-OAEP.

use std::path::Path;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{b64url, JoseError};

/// What the key is for, as its JWK's `use` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyUse {
    Signature,
    Encryption,
}

pub struct RsaKey {
    pub kid: String,
    pub key_use: KeyUse,
    private: RsaPrivateKey,
    encoding: EncodingKey,
}

impl std::fmt::Debug for RsaKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RsaKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

/// 2048 bits: the minimum of the SPID/CIE guidelines and what their providers use.
const GENERATED_BITS: usize = 2048;

impl RsaKey {
    pub fn from_private(private: RsaPrivateKey, key_use: KeyUse) -> Result<RsaKey, JoseError> {
        let der = private
            .to_pkcs1_der()
            .map_err(|e| JoseError::Key(e.to_string()))?;
        let encoding = EncodingKey::from_rsa_der(der.as_bytes());
        Ok(RsaKey {
            kid: thumbprint(&private),
            key_use,
            private,
            encoding,
        })
    }

    pub fn generate(key_use: KeyUse) -> Result<RsaKey, JoseError> {
        let private = RsaPrivateKey::new(&mut rsa::rand_core::OsRng, GENERATED_BITS)
            .map_err(|e| JoseError::Key(e.to_string()))?;
        RsaKey::from_private(private, key_use)
    }

    /// The key in `path` (PKCS#8 PEM); a new one written there (mode 0600) when the file
    /// does not exist yet.
    pub fn load_or_generate(path: &Path, key_use: KeyUse) -> anyhow::Result<RsaKey> {
        if path.exists() {
            let pem = std::fs::read_to_string(path)?;
            let private = RsaPrivateKey::from_pkcs8_pem(&pem)
                .map_err(|e| anyhow::anyhow!("{}: not an RSA PKCS#8 key: {e}", path.display()))?;
            return Ok(RsaKey::from_private(private, key_use)?);
        }
        let key = RsaKey::generate(key_use)?;
        let pem = key
            .private
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| anyhow::anyhow!("encoding the new key: {e}"))?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        write_private(path, pem.as_bytes())?;
        tracing::info!(path = %path.display(), kid = %key.kid, "generated a federation key");
        Ok(key)
    }

    /// The public JWK, as published in key sets.
    pub fn public_jwk(&self) -> Value {
        let public = self.private.to_public_key();
        let (key_use, alg) = match self.key_use {
            KeyUse::Signature => ("sig", "RS256"),
            KeyUse::Encryption => ("enc", "RSA-OAEP-256"),
        };
        json!({
            "kty": "RSA",
            "use": key_use,
            "alg": alg,
            "kid": self.kid,
            "n": b64url(&public.n().to_bytes_be()),
            "e": b64url(&public.e().to_bytes_be()),
        })
    }

    /// A compact JWS (RS256) of `claims`, with `kid` and the given `typ` in its header.
    pub fn sign<T: Serialize>(&self, typ: &str, claims: &T) -> Result<String, JoseError> {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some(self.kid.clone());
        header.typ = Some(typ.to_owned());
        jsonwebtoken::encode(&header, claims, &self.encoding)
            .map_err(|e| JoseError::Key(e.to_string()))
    }

    pub fn private(&self) -> &RsaPrivateKey {
        &self.private
    }
}

/// RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace.
fn thumbprint(private: &RsaPrivateKey) -> String {
    let public = private.to_public_key();
    let canonical = format!(
        r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
        b64url(&public.e().to_bytes_be()),
        b64url(&public.n().to_bytes_be())
    );
    b64url(&Sha256::digest(canonical.as_bytes()))
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_thumbprint_of_rfc_7638s_example_key() {
        // RFC 7638 §3.1: this public key's thumbprint.
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        let n = rsa::BigUint::from_bytes_be(&super::super::b64url_decode(n).unwrap());
        let public = rsa::RsaPublicKey::new(n, rsa::BigUint::from(65537u32)).unwrap();
        let canonical = format!(
            r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
            b64url(&public.e().to_bytes_be()),
            b64url(&public.n().to_bytes_be())
        );
        assert_eq!(
            b64url(&Sha256::digest(canonical.as_bytes())),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn a_saved_key_loads_with_the_same_kid() {
        let dir = std::env::temp_dir().join(format!("portale-rsa-{}", uuid::Uuid::now_v7()));
        let path = dir.join("key.pem");
        let first = RsaKey::load_or_generate(&path, KeyUse::Signature).unwrap();
        let again = RsaKey::load_or_generate(&path, KeyUse::Signature).unwrap();
        assert_eq!(first.kid, again.kid);
        assert_eq!(first.public_jwk()["use"], "sig");
        std::fs::remove_dir_all(dir).ok();
    }
}
