//! The QR's seal: a tagged COSE_Sign1 (RFC 9052) over a small CBOR map, exactly as
//! `docs/certificates.md` fixes it, so that a browser can check it with WebCrypto.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use coset::cbor::value::Value;
use coset::{
    iana, CborSerializable as _, CoseSign1, CoseSign1Builder, HeaderBuilder,
    TaggedCborSerializable as _,
};
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

use super::signer::{PublicKeyInfo, Signer, SignerError};

/// The payload's format version; a verifier refuses versions it does not know.
pub const SEAL_VERSION: u64 = 1;

/// What the seal asserts about a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealClaims {
    /// ISTAT code of the issuing municipality.
    pub issuer: String,
    pub certificate_id: String,
    pub type_code: String,
    pub surname: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    /// SHA-256 of the body content stream (the first content stream of page 1).
    pub content_sha256: [u8; 32],
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    #[error("the seal is not a COSE_Sign1 of the expected shape: {0}")]
    Malformed(String),
    #[error("the seal names key {0:?}, which is not among the known keys")]
    UnknownKey(String),
    #[error("the seal's signature does not verify")]
    BadSignature,
    #[error("the seal is not base64url")]
    NotBase64,
}

/// Builds and signs the seal.
pub fn seal(claims: &SealClaims, signer: &Signer) -> Result<Vec<u8>, SignerError> {
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::ES256)
        .key_id(signer.key_id.as_bytes().to_vec())
        .build();
    let payload = encode_payload(claims).map_err(|_| SignerError::Signing)?;
    let mut sign1 = CoseSign1Builder::new()
        .protected(protected)
        .payload(payload)
        .build();
    let signature = signer.sign_fixed(&sign1.tbs_data(b""))?;
    sign1.signature = signature.to_vec();
    sign1.to_tagged_vec().map_err(|_| SignerError::Signing)
}

/// Checks the seal against the known keys (current and retired) and returns its claims.
pub fn verify_seal(bytes: &[u8], keys: &[PublicKeyInfo]) -> Result<SealClaims, SealError> {
    let sign1 =
        CoseSign1::from_tagged_slice(bytes).map_err(|e| SealError::Malformed(e.to_string()))?;
    let header = &sign1.protected.header;
    if header.alg != Some(coset::Algorithm::Assigned(iana::Algorithm::ES256)) {
        return Err(SealError::Malformed("the algorithm is not ES256".into()));
    }
    let kid = String::from_utf8(header.key_id.clone())
        .map_err(|_| SealError::Malformed("the key id is not UTF-8".into()))?;
    let key = keys
        .iter()
        .find(|k| k.key_id == kid)
        .ok_or(SealError::UnknownKey(kid))?;
    sign1.verify_signature(b"", |signature, signed| {
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &key.public_key)
            .verify(signed, signature)
            .map_err(|_| SealError::BadSignature)
    })?;
    let payload = sign1
        .payload
        .as_deref()
        .ok_or_else(|| SealError::Malformed("no payload".into()))?;
    decode_payload(payload)
}

pub fn to_base64url(seal: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(seal)
}

pub fn from_base64url(text: &str) -> Result<Vec<u8>, SealError> {
    URL_SAFE_NO_PAD
        .decode(text.trim())
        .map_err(|_| SealError::NotBase64)
}

/// `{base}/verifica/{id}#{seal}`: the fragment never reaches a server.
pub fn verify_url(public_base_url: &str, certificate_id: &str, seal: &[u8]) -> String {
    format!(
        "{}/verifica/{}#{}",
        public_base_url.trim_end_matches('/'),
        certificate_id,
        to_base64url(seal)
    )
}

/// Splits a verify URL into the certificate id and the seal bytes.
pub fn parse_verify_url(url: &str) -> Result<(String, Vec<u8>), SealError> {
    let (path, fragment) = url
        .split_once('#')
        .ok_or_else(|| SealError::Malformed("the URL has no seal after '#'".into()))?;
    let id = path
        .rsplit_once("/verifica/")
        .map(|(_, id)| id.to_owned())
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .ok_or_else(|| SealError::Malformed("the URL has no /verifica/{id}".into()))?;
    Ok((id, from_base64url(fragment)?))
}

fn encode_payload(claims: &SealClaims) -> Result<Vec<u8>, coset::CoseError> {
    let text = |s: &str| Value::Text(s.to_owned());
    let map = Value::Map(vec![
        (text("v"), Value::Integer(SEAL_VERSION.into())),
        (text("iss"), text(&claims.issuer)),
        (text("id"), text(&claims.certificate_id)),
        (text("typ"), text(&claims.type_code)),
        (text("sn"), text(&claims.surname)),
        (text("gn"), text(&claims.name)),
        (text("iat"), text(&claims.issued_on)),
        (text("h"), Value::Bytes(claims.content_sha256.to_vec())),
    ]);
    map.to_vec()
}

fn decode_payload(payload: &[u8]) -> Result<SealClaims, SealError> {
    let malformed = |what: &str| SealError::Malformed(what.to_owned());
    let value = Value::from_slice(payload).map_err(|_| malformed("the payload is not CBOR"))?;
    let Value::Map(entries) = value else {
        return Err(malformed("the payload is not a map"));
    };
    let get = |key: &str| {
        entries
            .iter()
            .find(|(k, _)| matches!(k, Value::Text(t) if t == key))
            .map(|(_, v)| v)
            .ok_or_else(|| SealError::Malformed(format!("the payload has no {key:?}")))
    };
    let text = |key: &str| match get(key)? {
        Value::Text(t) => Ok(t.clone()),
        _ => Err(SealError::Malformed(format!("{key:?} is not text"))),
    };
    match get("v")? {
        Value::Integer(v) if u64::try_from(*v).ok() == Some(SEAL_VERSION) => {}
        _ => return Err(malformed("unknown payload version")),
    }
    let content_sha256 = match get("h")? {
        Value::Bytes(h) => {
            <[u8; 32]>::try_from(h.as_slice()).map_err(|_| malformed("\"h\" is not 32 bytes"))?
        }
        _ => return Err(malformed("\"h\" is not a byte string")),
    };
    Ok(SealClaims {
        issuer: text("iss")?,
        certificate_id: text("id")?,
        type_code: text("typ")?,
        surname: text("sn")?,
        name: text("gn")?,
        issued_on: text("iat")?,
        content_sha256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{other_signer, sample_claims, test_signer};

    #[test]
    fn a_seal_round_trips() {
        let signer = test_signer();
        let bytes = seal(&sample_claims(), &signer).expect("seal");
        assert_eq!(bytes[0], 0xd2, "CBOR tag 18");
        let claims = verify_seal(&bytes, &[signer.public_key_info()]).expect("valid");
        assert_eq!(claims, sample_claims());
        assert!(
            bytes.len() < 260,
            "{} bytes is too big for a QR",
            bytes.len()
        );
    }

    #[test]
    fn the_protected_header_is_es256_with_the_kid() {
        let signer = test_signer();
        let sign1 = CoseSign1::from_tagged_slice(&seal(&sample_claims(), &signer).expect("seal"))
            .expect("parse");
        let protected = sign1.protected.original_data.expect("protected bytes");
        // {1: -7, 4: h'6b31'}
        assert_eq!(protected, [0xa2, 0x01, 0x26, 0x04, 0x42, b'k', b'1']);
        assert_eq!(sign1.signature.len(), 64);
        assert!(sign1.unprotected.is_empty());
    }

    #[test]
    fn a_seal_from_another_key_with_the_same_kid_fails() {
        let bytes = seal(&sample_claims(), &other_signer()).expect("seal");
        let result = verify_seal(&bytes, &[test_signer().public_key_info()]);
        assert_eq!(result, Err(SealError::BadSignature));
    }

    #[test]
    fn an_unknown_kid_is_reported() {
        let bytes = seal(&sample_claims(), &test_signer()).expect("seal");
        let mut key = test_signer().public_key_info();
        key.key_id = "k9".into();
        assert_eq!(
            verify_seal(&bytes, &[key]),
            Err(SealError::UnknownKey("k1".into()))
        );
    }

    #[test]
    fn a_tampered_payload_fails() {
        let signer = test_signer();
        let bytes = seal(&sample_claims(), &signer).expect("seal");
        let at = bytes
            .windows(5)
            .position(|w| w == b"ROSSI")
            .expect("surname in payload");
        let mut tampered = bytes.clone();
        tampered[at] = b'T';
        assert_eq!(
            verify_seal(&tampered, &[signer.public_key_info()]),
            Err(SealError::BadSignature)
        );
        assert!(matches!(
            verify_seal(&bytes[..40], &[signer.public_key_info()]),
            Err(SealError::Malformed(_))
        ));
    }

    #[test]
    fn the_verify_url_carries_the_seal_in_the_fragment() {
        let url = verify_url(
            "https://servizi.example.it/",
            "7KQF-9XMA-2R4D-HV0C",
            &[0xfb, 0xff],
        );
        assert_eq!(
            url,
            "https://servizi.example.it/verifica/7KQF-9XMA-2R4D-HV0C#-_8"
        );
        assert_eq!(
            parse_verify_url(&url),
            Ok(("7KQF-9XMA-2R4D-HV0C".into(), vec![0xfb, 0xff]))
        );
        assert!(parse_verify_url("https://x/verifica/ID").is_err());
    }
}
