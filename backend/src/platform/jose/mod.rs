//! JOSE pieces the OpenID Connect Federation needs beyond `jsonwebtoken`: RSA keys as
//! JWKs with RFC 7638 thumbprints, JWS checked against a key set, and JWE (RFC 7516),
//! which `jsonwebtoken` does not do.

pub mod jwe;
pub mod jws;
pub mod rsa_key;

/// `client_assertion_type` of `private_key_jwt` (RFC 7523 §2.2): the portal sends it to
/// SPID/CIE providers and accepts it from third-party applications.
pub const CLIENT_ASSERTION_TYPE: &str = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn b64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

/// Why a JOSE object was refused; the callers turn these into their own domain errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoseError {
    #[error("not a compact JOSE object")]
    Malformed,
    #[error("algorithm {0} not accepted")]
    Algorithm(String),
    #[error("no key {0} in the key set")]
    UnknownKey(String),
    #[error("signature does not verify")]
    BadSignature,
    #[error("cannot decrypt: {0}")]
    Decryption(&'static str),
    #[error("key: {0}")]
    Key(String),
}
