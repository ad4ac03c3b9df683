//! What a SPID/CIE login must prove, as pure checks: the ID token's claims, the level of
//! assurance, the codice fiscale the provider asserts, the PKCE pair.

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::platform::jose::b64url;
use crate::registry::rules::fiscal_code::FiscalCode;

/// The claim SPID and CIE providers carry the codice fiscale in, as `TINIT-<code>`.
pub const FISCAL_NUMBER_CLAIM: &str = "https://attributes.eid.gov.it/fiscal_number";

/// SPID and CIE levels of assurance (CIE id uses SPID's URIs).
pub fn acr_uri(level: u8) -> String {
    format!("https://www.spid.gov.it/SpidL{level}")
}

pub fn acr_level(acr: &str) -> Option<u8> {
    match acr {
        "https://www.spid.gov.it/SpidL1" => Some(1),
        "https://www.spid.gov.it/SpidL2" => Some(2),
        "https://www.spid.gov.it/SpidL3" => Some(3),
        _ => None,
    }
}

/// Why an ID token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdTokenProblem {
    Issuer,
    Audience,
    Expired,
    IssuedInTheFuture,
    Nonce,
    LevelTooLow,
    NoSubject,
}

impl IdTokenProblem {
    pub fn code(self) -> &'static str {
        match self {
            IdTokenProblem::Issuer => "id_token_issuer",
            IdTokenProblem::Audience => "id_token_audience",
            IdTokenProblem::Expired => "id_token_expired",
            IdTokenProblem::IssuedInTheFuture => "id_token_not_yet_valid",
            IdTokenProblem::Nonce => "nonce_mismatch",
            IdTokenProblem::LevelTooLow => "level_insufficient",
            IdTokenProblem::NoSubject => "id_token_invalid",
        }
    }
}

/// What the portal expects of an ID token.
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    pub min_level: u8,
    pub now: i64,
}

/// Clocks of the portal and the providers may differ by this much.
const SKEW_SECONDS: i64 = 60;

/// The subject and the level of a verified ID token's claims (OpenID Connect Core
/// §3.1.3.7; the SPID/CIE guidelines add the required `acr`).
pub fn check_id_token(
    claims: &Value,
    expected: &Expected,
) -> Result<(String, String), IdTokenProblem> {
    if claims["iss"].as_str() != Some(expected.issuer) {
        return Err(IdTokenProblem::Issuer);
    }
    let audience_ok = match &claims["aud"] {
        Value::String(one) => one == expected.client_id,
        Value::Array(many) => many.iter().any(|a| a.as_str() == Some(expected.client_id)),
        _ => false,
    };
    if !audience_ok {
        return Err(IdTokenProblem::Audience);
    }
    match claims["exp"].as_i64() {
        Some(exp) if exp + SKEW_SECONDS > expected.now => {}
        _ => return Err(IdTokenProblem::Expired),
    }
    match claims["iat"].as_i64() {
        Some(iat) if iat <= expected.now + SKEW_SECONDS => {}
        _ => return Err(IdTokenProblem::IssuedInTheFuture),
    }
    if claims["nonce"].as_str() != Some(expected.nonce) {
        return Err(IdTokenProblem::Nonce);
    }
    let acr = claims["acr"].as_str().unwrap_or_default();
    if acr_level(acr).is_none_or(|level| level < expected.min_level) {
        return Err(IdTokenProblem::LevelTooLow);
    }
    let subject = claims["sub"]
        .as_str()
        .filter(|s| !s.is_empty())
        .ok_or(IdTokenProblem::NoSubject)?;
    Ok((subject.to_owned(), acr.to_owned()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FiscalNumberProblem {
    Missing,
    Invalid,
}

/// The codice fiscale in the userinfo: `TINIT-` stripped (SPID writes it, CIE may not),
/// checked like any codice fiscale. A foreign tax id (`TIN` + another country) is not a
/// codice fiscale, so it is refused too.
pub fn fiscal_number(userinfo: &Value) -> Result<FiscalCode, FiscalNumberProblem> {
    let raw = userinfo[FISCAL_NUMBER_CLAIM]
        .as_str()
        .or_else(|| userinfo["fiscal_number"].as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or(FiscalNumberProblem::Missing)?;
    let code = raw.strip_prefix("TINIT-").unwrap_or(raw);
    FiscalCode::parse(&code.to_ascii_uppercase()).map_err(|_| FiscalNumberProblem::Invalid)
}

/// RFC 7636 S256: the challenge sent with the request for the verifier kept here.
pub fn pkce_challenge(verifier: &str) -> String {
    b64url(&Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    fn expected() -> Expected<'static> {
        Expected {
            issuer: "https://op.example",
            client_id: "https://comune.example",
            nonce: "n-0123456789",
            min_level: 2,
            now: 1_000_000,
        }
    }

    fn good() -> Value {
        json!({
            "iss": "https://op.example", "aud": ["https://comune.example"], "sub": "abc",
            "exp": 1_000_300, "iat": 999_990, "nonce": "n-0123456789",
            "acr": "https://www.spid.gov.it/SpidL2",
        })
    }

    #[test]
    fn a_good_token_yields_its_subject_and_level() {
        let (sub, acr) = check_id_token(&good(), &expected()).unwrap();
        assert_eq!(sub, "abc");
        assert_eq!(acr, "https://www.spid.gov.it/SpidL2");
        let mut single_audience = good();
        single_audience["aud"] = json!("https://comune.example");
        assert!(check_id_token(&single_audience, &expected()).is_ok());
    }

    #[test]
    fn each_wrong_claim_is_named() {
        let cases = [
            ("iss", json!("https://evil.example"), IdTokenProblem::Issuer),
            (
                "aud",
                json!(["https://other.example"]),
                IdTokenProblem::Audience,
            ),
            ("exp", json!(999_000), IdTokenProblem::Expired),
            ("iat", json!(1_000_500), IdTokenProblem::IssuedInTheFuture),
            ("nonce", json!("another"), IdTokenProblem::Nonce),
            (
                "acr",
                json!("https://www.spid.gov.it/SpidL1"),
                IdTokenProblem::LevelTooLow,
            ),
            ("acr", json!("urn:unknown"), IdTokenProblem::LevelTooLow),
            ("sub", json!(""), IdTokenProblem::NoSubject),
        ];
        for (claim, value, problem) in cases {
            let mut claims = good();
            claims[claim] = value;
            assert_eq!(
                check_id_token(&claims, &expected()),
                Err(problem),
                "{claim}"
            );
        }
        let mut level3 = expected();
        level3.min_level = 3;
        assert_eq!(
            check_id_token(&good(), &level3),
            Err(IdTokenProblem::LevelTooLow)
        );
    }

    #[test]
    fn the_fiscal_number_loses_its_prefix_and_must_be_valid() {
        let code = fiscal_number(&json!({FISCAL_NUMBER_CLAIM: "TINIT-RSSMRA85T10A562S"})).unwrap();
        assert_eq!(code.as_str(), "RSSMRA85T10A562S");
        assert!(fiscal_number(&json!({"fiscal_number": "RSSMRA85T10A562S"})).is_ok());
        assert_eq!(
            fiscal_number(&json!({})).map(|_| ()),
            Err(FiscalNumberProblem::Missing)
        );
        assert_eq!(
            fiscal_number(&json!({FISCAL_NUMBER_CLAIM: "TINIT-RSSMRA85T10A562X"})).map(|_| ()),
            Err(FiscalNumberProblem::Invalid)
        );
        assert_eq!(
            fiscal_number(&json!({FISCAL_NUMBER_CLAIM: "TINDE-123456789"})).map(|_| ()),
            Err(FiscalNumberProblem::Invalid)
        );
    }

    #[test]
    fn the_pkce_challenge_is_unpadded_base64url_of_sha_256() {
        // Computed independently with Python's hashlib and base64.
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mJ92K9s5OXWYcbCz1cPgSTp5XE6ZqY"),
            "Qhv3_zDgSiZ73D4P8QAnjwBCh3ANiHY4hn-wt-Ign4A"
        );
    }
}
