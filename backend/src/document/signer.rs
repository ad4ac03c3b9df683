//! The municipality's signing identity: one P-256 key that seals the QR (COSE) and signs
//! the PDF (PAdES), and the self-signed certificate that names the municipality.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use chrono::{DateTime, Datelike, Utc};
use der::Decode as _;
use ring::rand::SystemRandom;
use ring::signature::{
    EcdsaKeyPair, KeyPair as _, ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P256_SHA256_FIXED_SIGNING,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, thiserror::Error)]
pub enum SignerError {
    #[error("the private key is not a PKCS#8 P-256 key: {0}")]
    BadPrivateKey(String),
    #[error("the certificate cannot be read: {0}")]
    BadCertificate(String),
    #[error("the certificate's public key is not the private key's")]
    KeyMismatch,
    #[error("the public key is not an uncompressed P-256 point")]
    BadPublicKey,
    #[error("generating the signing identity failed: {0}")]
    Generation(String),
    #[error("signing failed")]
    Signing,
}

/// A loaded private key with its certificate; cheap to share behind an `Arc`.
pub struct Signer {
    pub key_id: String,
    /// The same key parsed for both signature encodings ring offers: CMS wants DER
    /// `Ecdsa-Sig-Value`, COSE (and WebCrypto) want 64 bytes r‖s.
    asn1_key: EcdsaKeyPair,
    fixed_key: EcdsaKeyPair,
    pub certificate_der: Vec<u8>,
    rng: SystemRandom,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

impl Signer {
    pub fn from_parts(
        key_id: impl Into<String>,
        pkcs8_der: &[u8],
        certificate_der: Vec<u8>,
    ) -> Result<Self, SignerError> {
        let rng = SystemRandom::new();
        let parse = |alg| {
            EcdsaKeyPair::from_pkcs8(alg, pkcs8_der, &rng)
                .map_err(|e| SignerError::BadPrivateKey(e.to_string()))
        };
        let asn1_key = parse(&ECDSA_P256_SHA256_ASN1_SIGNING)?;
        let fixed_key = parse(&ECDSA_P256_SHA256_FIXED_SIGNING)?;
        let certified = certificate_public_key(&certificate_der)?;
        if certified != asn1_key.public_key().as_ref() {
            return Err(SignerError::KeyMismatch);
        }
        Ok(Self {
            key_id: key_id.into(),
            asn1_key,
            fixed_key,
            certificate_der,
            rng,
        })
    }

    /// The uncompressed SEC1 point (0x04 ‖ x ‖ y).
    pub fn public_key(&self) -> &[u8] {
        self.asn1_key.public_key().as_ref()
    }

    pub fn public_key_info(&self) -> PublicKeyInfo {
        PublicKeyInfo {
            key_id: self.key_id.clone(),
            public_key: self.public_key().to_vec(),
            certificate_der: Some(self.certificate_der.clone()),
        }
    }

    /// ECDSA P-256 / SHA-256, DER-encoded `Ecdsa-Sig-Value` (what CMS carries).
    pub(crate) fn sign_asn1(&self, message: &[u8]) -> Result<Vec<u8>, SignerError> {
        let signature = self
            .asn1_key
            .sign(&self.rng, message)
            .map_err(|_| SignerError::Signing)?;
        Ok(signature.as_ref().to_vec())
    }

    /// ECDSA P-256 / SHA-256 as 64 bytes r‖s (what COSE and WebCrypto use).
    pub(crate) fn sign_fixed(&self, message: &[u8]) -> Result<[u8; 64], SignerError> {
        let signature = self
            .fixed_key
            .sign(&self.rng, message)
            .map_err(|_| SignerError::Signing)?;
        signature
            .as_ref()
            .try_into()
            .map_err(|_| SignerError::Signing)
    }
}

/// A key as verifiers see it: from the key set (JWK) or from a certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKeyInfo {
    pub key_id: String,
    /// Uncompressed SEC1 point, 65 bytes.
    pub public_key: Vec<u8>,
    pub certificate_der: Option<Vec<u8>>,
}

/// A public key as published in `GET /api/v1/signing-keys` (RFC 7517), without the
/// portal's own fields (status, dates), which the API adds around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
    pub kid: String,
    pub alg: String,
    #[serde(rename = "use")]
    pub use_: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub x5c: Vec<String>,
}

impl PublicKeyInfo {
    pub fn from_certificate(
        key_id: impl Into<String>,
        certificate_der: &[u8],
    ) -> Result<Self, SignerError> {
        Ok(Self {
            key_id: key_id.into(),
            public_key: certificate_public_key(certificate_der)?,
            certificate_der: Some(certificate_der.to_vec()),
        })
    }

    pub fn from_jwk(jwk: &Jwk) -> Result<Self, SignerError> {
        if jwk.kty != "EC" || jwk.crv != "P-256" {
            return Err(SignerError::BadPublicKey);
        }
        let x = URL_SAFE_NO_PAD
            .decode(&jwk.x)
            .map_err(|_| SignerError::BadPublicKey)?;
        let y = URL_SAFE_NO_PAD
            .decode(&jwk.y)
            .map_err(|_| SignerError::BadPublicKey)?;
        if x.len() != 32 || y.len() != 32 {
            return Err(SignerError::BadPublicKey);
        }
        let public_key = [&[0x04][..], &x, &y].concat();
        let certificate_der = match jwk.x5c.first() {
            Some(b64) => {
                let der = STANDARD
                    .decode(b64)
                    .map_err(|e| SignerError::BadCertificate(e.to_string()))?;
                if certificate_public_key(&der)? != public_key {
                    return Err(SignerError::KeyMismatch);
                }
                Some(der)
            }
            None => None,
        };
        Ok(Self {
            key_id: jwk.kid.clone(),
            public_key,
            certificate_der,
        })
    }

    pub fn to_jwk(&self) -> Result<Jwk, SignerError> {
        if self.public_key.len() != 65 || self.public_key[0] != 0x04 {
            return Err(SignerError::BadPublicKey);
        }
        Ok(Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: URL_SAFE_NO_PAD.encode(&self.public_key[1..33]),
            y: URL_SAFE_NO_PAD.encode(&self.public_key[33..65]),
            kid: self.key_id.clone(),
            alg: "ES256".into(),
            use_: "sig".into(),
            x5c: self
                .certificate_der
                .iter()
                .map(|der| STANDARD.encode(der))
                .collect(),
        })
    }
}

/// The subject public key of an X.509 certificate (for EC keys: the SEC1 point).
pub fn certificate_public_key(certificate_der: &[u8]) -> Result<Vec<u8>, SignerError> {
    let certificate = x509_cert::Certificate::from_der(certificate_der)
        .map_err(|e| SignerError::BadCertificate(e.to_string()))?;
    let key = certificate
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key;
    key.as_bytes()
        .map(<[u8]>::to_vec)
        .ok_or(SignerError::BadPublicKey)
}

/// A new P-256 key (PKCS#8 DER) and a self-signed certificate naming the municipality,
/// valid ten years from `now`.
pub fn generate_signing_identity(
    key_id: &str,
    municipality_name: &str,
    istat_code: &str,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, Vec<u8>), SignerError> {
    use rcgen::{
        CertificateParams, DistinguishedName, DnType, KeyPair, KeyUsagePurpose, SerialNumber,
    };
    let failed = |e: rcgen::Error| SignerError::Generation(e.to_string());
    let key_pair = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(failed)?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(failed)?;
    let mut name = DistinguishedName::new();
    name.push(
        DnType::CommonName,
        format!("Comune di {municipality_name} - Sigillo certificati"),
    );
    name.push(
        DnType::OrganizationName,
        format!("Comune di {municipality_name}"),
    );
    // The ISTAT code tells two municipalities of the same name apart.
    name.push(
        DnType::OrganizationalUnitName,
        format!("ISTAT {istat_code} - {key_id}"),
    );
    name.push(DnType::CountryName, "IT");
    params.distinguished_name = name;
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::ContentCommitment,
    ];
    let day = |year: i32| rcgen::date_time_ymd(year, now.month() as u8, now.day().min(28) as u8);
    params.not_before = day(now.year());
    params.not_after = day(now.year() + 10);
    let mut serial = ring_random_bytes::<16>()?;
    serial[0] &= 0x7f; // a positive INTEGER
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    let certificate = params.self_signed(&key_pair).map_err(failed)?;
    Ok((key_pair.serialize_der(), certificate.der().to_vec()))
}

fn ring_random_bytes<const N: usize>() -> Result<[u8; N], SignerError> {
    let random: [u8; N] = ring::rand::generate(&SystemRandom::new())
        .map_err(|_| SignerError::Generation("no randomness".into()))?
        .expose();
    Ok(random)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::test_signer;

    #[test]
    fn jwk_round_trips_and_names_the_key() {
        let signer = test_signer();
        let jwk = signer.public_key_info().to_jwk().expect("jwk");
        assert_eq!(
            (jwk.alg.as_str(), jwk.use_.as_str(), jwk.kid.as_str()),
            ("ES256", "sig", "k1")
        );
        let back = PublicKeyInfo::from_jwk(&jwk).expect("from jwk");
        assert_eq!(back, signer.public_key_info());
        let json = serde_json::to_value(&jwk).expect("json");
        assert_eq!(json["use"], "sig");
    }

    #[test]
    fn a_certificate_of_another_key_is_refused() {
        let now = Utc::now();
        let (key_a, _) = generate_signing_identity("a", "Valdoria", "099001", now).expect("a");
        let (_, cert_b) = generate_signing_identity("b", "Valdoria", "099001", now).expect("b");
        assert!(matches!(
            Signer::from_parts("a", &key_a, cert_b),
            Err(SignerError::KeyMismatch)
        ));
    }

    #[test]
    fn the_certificate_names_the_municipality() {
        let signer = test_signer();
        let cert = x509_cert::Certificate::from_der(&signer.certificate_der).expect("cert");
        let subject = cert.tbs_certificate.subject.to_string();
        assert!(
            subject.contains("CN=Comune di Valdoria - Sigillo certificati"),
            "{subject}"
        );
        assert!(subject.contains("C=IT"), "{subject}");
    }

    #[test]
    fn fixed_signatures_verify_with_webcrypto_shape() {
        let signer = test_signer();
        let signature = signer.sign_fixed(b"hello").expect("sign");
        let key = ring::signature::UnparsedPublicKey::new(
            &ring::signature::ECDSA_P256_SHA256_FIXED,
            signer.public_key(),
        );
        assert!(key.verify(b"hello", &signature).is_ok());
        assert!(key.verify(b"hellp", &signature).is_err());
    }
}
