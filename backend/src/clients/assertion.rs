//! `private_key_jwt` (RFC 7523 §2.2, OpenID Connect Core §9): an application proves who
//! it is with a short JWT signed by a key whose public half it registered, instead of a
//! secret the portal would have to keep. The rules: which key sets are acceptable, and
//! what an assertion's claims must say.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::platform::jose::jws;
use crate::platform::validation::FieldError;

/// An assertion may live at most this long (seconds): it is made for one request.
pub const MAX_LIFETIME: i64 = 300;
/// Clock difference tolerated between the application and the portal (seconds).
const SKEW: i64 = 60;

/// The key set an administrator pastes: a JWK or a JWK set `{"keys": […]}`, each
/// public (no private member), RSA of at least 2048 bits or EC on P-256/P-384. Answers it
/// as `{"keys": […]}`.
pub fn check_public_jwks(value: &Value) -> Result<Value, FieldError> {
    let refuse = |it: &str, en: &str| FieldError::text("public_jwks", it, en);
    let keys = if value.get("kty").is_some() {
        vec![value.clone()]
    } else if value.is_object() {
        jws::key_list(value)
    } else {
        Vec::new()
    };
    if keys.is_empty() || keys.len() > 5 {
        return Err(refuse(
            "Indicare da una a cinque chiavi pubbliche in formato JWK.",
            "Give one to five public keys as JWKs.",
        ));
    }
    for key in &keys {
        const PRIVATE: [&str; 6] = ["d", "p", "q", "dp", "dq", "qi"];
        if PRIVATE.iter().any(|member| key.get(member).is_some()) {
            return Err(refuse(
                "La chiave contiene la parte privata: indicare solo la chiave pubblica (e sostituire quella chiave, ormai esposta).",
                "The key holds its private part: give only the public key (and replace that key, now exposed).",
            ));
        }
        let text = |name: &str| key.get(name).and_then(Value::as_str);
        let acceptable = match text("kty") {
            Some("RSA") => text("n")
                .and_then(crate::platform::jose::b64url_decode)
                .is_some_and(|n| n.len() * 8 >= 2048 && text("e").is_some()),
            Some("EC") => {
                matches!(text("crv"), Some("P-256" | "P-384"))
                    && text("x").is_some()
                    && text("y").is_some()
            }
            _ => false,
        };
        if !acceptable {
            return Err(refuse(
                "Chiave non accettata: occorre una chiave RSA di almeno 2048 bit o EC P-256/P-384.",
                "Key not accepted: an RSA key of at least 2048 bits or an EC P-256/P-384 key is needed.",
            ));
        }
    }
    Ok(serde_json::json!({ "keys": keys }))
}

/// What a verified assertion leaves to remember: its id and when it stops mattering.
#[derive(Debug, PartialEq, Eq)]
pub struct Accepted {
    pub jti: String,
    pub expires_at: DateTime<Utc>,
}

/// Checks the claims of an assertion whose signature verified: issued by and about the
/// client, for this portal's token endpoint (`audiences`), current, short-lived, with
/// an id.
pub fn check_claims(
    claims: &Value,
    client_id: &str,
    audiences: &[String],
    now: i64,
) -> Result<Accepted, String> {
    let text = |name: &str| claims.get(name).and_then(Value::as_str);
    if text("iss") != Some(client_id) || text("sub") != Some(client_id) {
        return Err("iss and sub must be the client_id".into());
    }
    let audience_ok = match claims.get("aud") {
        Some(Value::String(aud)) => audiences.contains(aud),
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .any(|aud| audiences.iter().any(|a| a == aud)),
        _ => false,
    };
    if !audience_ok {
        return Err(format!("aud must be {}", audiences.join(" or ")));
    }
    let exp = claims
        .get("exp")
        .and_then(Value::as_i64)
        .ok_or("exp is missing")?;
    if exp <= now - SKEW {
        return Err("the assertion has expired".into());
    }
    if exp > now + MAX_LIFETIME + SKEW {
        return Err(format!("the assertion may live at most {MAX_LIFETIME} s"));
    }
    if claims
        .get("iat")
        .and_then(Value::as_i64)
        .is_some_and(|iat| iat > now + SKEW)
    {
        return Err("iat is in the future".into());
    }
    let jti = text("jti")
        .filter(|j| !j.is_empty() && j.len() <= 200)
        .ok_or("jti is missing")?;
    Ok(Accepted {
        jti: jti.to_owned(),
        expires_at: DateTime::from_timestamp(exp + SKEW, 0).ok_or("exp out of range")?,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::platform::jose::rsa_key::{KeyUse, RsaKey};
    use serde_json::json;

    const AUD: &str = "https://anagrafe.example.it/api/v1/oauth/token";

    fn claims(now: i64) -> Value {
        json!({"iss": "app-1", "sub": "app-1", "aud": AUD, "iat": now, "exp": now + 60, "jti": "a1"})
    }

    #[test]
    fn a_good_assertion_passes_and_each_defect_is_named() {
        let now = 1_800_000_000;
        let audiences = [AUD.to_owned()];
        let accepted = check_claims(&claims(now), "app-1", &audiences, now).unwrap();
        assert_eq!(accepted.jti, "a1");
        assert!(check_claims(&claims(now), "app-2", &audiences, now).is_err());
        let with = |change: &dyn Fn(&mut Value)| {
            let mut c = claims(now);
            change(&mut c);
            check_claims(&c, "app-1", &audiences, now)
        };
        assert!(with(&|c| c["aud"] = json!("https://elsewhere.example.it")).is_err());
        assert!(with(&|c| c["aud"] = json!(["x", AUD])).is_ok());
        assert!(with(&|c| c["exp"] = json!(now - 120)).is_err());
        assert!(with(&|c| c["exp"] = json!(now + 3_600)).is_err());
        assert!(with(&|c| c["iat"] = json!(now + 600)).is_err());
        assert!(with(&|c| c["jti"] = json!("")).is_err());
        assert!(with(&|c| {
            c.as_object_mut().unwrap().remove("exp");
        })
        .is_err());
    }

    #[test]
    fn only_public_keys_of_enough_strength_are_registered() {
        let key = RsaKey::generate(KeyUse::Signature).unwrap();
        let public = key.public_jwk();
        let set = check_public_jwks(&public).unwrap();
        assert_eq!(set["keys"].as_array().unwrap().len(), 1);
        assert!(check_public_jwks(&json!({"keys": [public.clone()]})).is_ok());
        let mut private = public.clone();
        private["d"] = json!("AQAB");
        assert!(check_public_jwks(&private).is_err());
        let small = json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"});
        assert!(check_public_jwks(&small).is_err());
        let ec = json!({"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                        "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"});
        assert!(check_public_jwks(&ec).is_ok());
        assert!(check_public_jwks(&json!({"kty": "oct", "k": "c2VjcmV0"})).is_err());
        assert!(check_public_jwks(&json!([])).is_err());
    }
}
