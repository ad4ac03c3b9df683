//! A compact JWS checked against a JSON Web Key Set: the key named by the header's
//! `kid`, an asymmetric algorithm (never `none`, never HMAC), the signature. What the
//! claims must say (issuer, audience, expiry…) is the caller's business.

use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;

use super::{b64url_decode, JoseError};

/// The algorithms the SPID/CIE guidelines allow for signatures.
const ACCEPTED: [Algorithm; 6] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::ES256,
    Algorithm::ES384,
];

/// The parts of a JWS header the federation reads.
#[derive(Debug, Clone)]
pub struct JwsHeader {
    pub kid: Option<String>,
    pub typ: Option<String>,
    pub alg: String,
}

/// The header and claims of a JWS, unverified: to learn who issued it (and therefore
/// which keys verify it). Never trust what this returns before [`verify`].
pub fn peek(jws: &str) -> Result<(JwsHeader, Value), JoseError> {
    let mut parts = jws.split('.');
    let (Some(header), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JoseError::Malformed);
    };
    let header: Value = decode_json(header)?;
    let payload: Value = decode_json(payload)?;
    let text = |name: &str| header.get(name).and_then(Value::as_str).map(str::to_owned);
    let header = JwsHeader {
        kid: text("kid"),
        typ: text("typ"),
        alg: text("alg").ok_or(JoseError::Malformed)?,
    };
    Ok((header, payload))
}

fn decode_json(part: &str) -> Result<Value, JoseError> {
    let bytes = b64url_decode(part).ok_or(JoseError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| JoseError::Malformed)
}

/// The claims of `jws` when a key of `jwks` (an array of JWKs, or `{"keys": […]}`)
/// verifies it.
pub fn verify(jws: &str, jwks: &Value) -> Result<Value, JoseError> {
    let (header, _) = peek(jws)?;
    let algorithm: Algorithm = header
        .alg
        .parse()
        .map_err(|_| JoseError::Algorithm(header.alg.clone()))?;
    if !ACCEPTED.contains(&algorithm) {
        return Err(JoseError::Algorithm(header.alg));
    }
    let keys = key_list(jwks);
    let candidates: Vec<&Value> = match &header.kid {
        Some(kid) => keys
            .iter()
            .filter(|k| k.get("kid").and_then(Value::as_str) == Some(kid))
            .collect(),
        // Without a kid, every signing key is tried: some providers leave it out.
        None => keys.iter().collect(),
    };
    if candidates.is_empty() {
        return Err(JoseError::UnknownKey(header.kid.unwrap_or_default()));
    }
    let mut validation = Validation::new(algorithm);
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    for candidate in candidates {
        if candidate.get("use").and_then(Value::as_str) == Some("enc") {
            continue;
        }
        let Ok(jwk) = serde_json::from_value::<Jwk>(strip_alg(candidate)) else {
            continue;
        };
        let Ok(key) = DecodingKey::from_jwk(&jwk) else {
            continue;
        };
        if let Ok(data) = jsonwebtoken::decode::<Value>(jws, &key, &validation) {
            return Ok(data.claims);
        }
    }
    Err(JoseError::BadSignature)
}

/// `jsonwebtoken` refuses a JWK whose `alg` it does not know (e.g. `RSA-OAEP`); the
/// header's algorithm decides anyway.
fn strip_alg(jwk: &Value) -> Value {
    let mut jwk = jwk.clone();
    if let Some(object) = jwk.as_object_mut() {
        object.remove("alg");
    }
    jwk
}

/// The keys of a key set in either shape the federation uses.
pub fn key_list(jwks: &Value) -> Vec<Value> {
    match jwks {
        Value::Array(keys) => keys.clone(),
        Value::Object(set) => set
            .get("keys")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::platform::jose::rsa_key::{KeyUse, RsaKey};
    use serde_json::json;

    #[test]
    fn a_signature_verifies_with_its_key_and_not_with_another() {
        let key = RsaKey::generate(KeyUse::Signature).unwrap();
        let other = RsaKey::generate(KeyUse::Signature).unwrap();
        let jws = key.sign("JWT", &json!({"iss": "x"})).unwrap();
        let claims = verify(&jws, &json!({"keys": [key.public_jwk()]})).unwrap();
        assert_eq!(claims["iss"], "x");
        let mut impostor = other.public_jwk();
        impostor["kid"] = key.kid.clone().into();
        assert_eq!(
            verify(&jws, &json!([impostor])),
            Err(JoseError::BadSignature)
        );
        assert_eq!(
            verify(&jws, &json!([other.public_jwk()])),
            Err(JoseError::UnknownKey(key.kid.clone()))
        );
    }

    #[test]
    fn none_and_hmac_are_refused() {
        let header = crate::platform::jose::b64url(br#"{"alg":"none"}"#);
        let payload = crate::platform::jose::b64url(br#"{"iss":"x"}"#);
        let jws = format!("{header}.{payload}.");
        assert!(matches!(
            verify(&jws, &json!([])),
            Err(JoseError::Algorithm(_))
        ));
        let header = crate::platform::jose::b64url(br#"{"alg":"HS256"}"#);
        let jws = format!("{header}.{payload}.c2ln");
        assert!(matches!(
            verify(&jws, &json!([])),
            Err(JoseError::Algorithm(_))
        ));
        assert!(matches!(peek("a.b"), Err(JoseError::Malformed)));
    }
}
