//! CMS SignedData for PAdES-B-B (RFC 5652, ETSI EN 319 142-1), built from the `cms` crate's
//! ASN.1 types and signed with ring; and the matching offline check.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedAttributes, SignedData, SignerIdentifier,
    SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode as _, Encode as _, Sequence};
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_ASN1};
use sha2::{Digest as _, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::Certificate;

use super::signer::{Signer, SignerError};

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");

/// RFC 5035 `ESSCertIDv2`, with the hash algorithm left at its default (SHA-256).
#[derive(Debug, Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// RFC 5035 `SigningCertificateV2` without policies.
#[derive(Debug, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CmsError {
    #[error("the signature container is not CMS SignedData: {0}")]
    Malformed(String),
    #[error("the signed ranges' digest differs from the signed message digest")]
    DigestMismatch,
    #[error("the ECDSA signature over the signed attributes does not verify")]
    BadSignature,
    #[error("the ESS signing-certificate attribute does not name the embedded certificate")]
    CertificateMismatch,
}

fn sha256_algorithm() -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    }
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, der::Error> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

/// DER of a detached SignedData over a content whose SHA-256 is `content_digest`.
pub fn build_signed_data(
    content_digest: &[u8; 32],
    signer: &Signer,
) -> Result<Vec<u8>, SignerError> {
    let asn1 = |e: der::Error| SignerError::BadCertificate(e.to_string());
    let certificate = Certificate::from_der(&signer.certificate_der).map_err(asn1)?;
    let certificate_hash: [u8; 32] = Sha256::digest(&signer.certificate_der).into();
    let signing_certificate = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(certificate_hash.to_vec()).map_err(asn1)?,
        }],
    };
    let signed_attrs: SignedAttributes = SetOfVec::try_from(vec![
        attribute(ID_CONTENT_TYPE, Any::encode_from(&ID_DATA).map_err(asn1)?).map_err(asn1)?,
        attribute(
            ID_MESSAGE_DIGEST,
            Any::encode_from(&OctetString::new(content_digest.to_vec()).map_err(asn1)?)
                .map_err(asn1)?,
        )
        .map_err(asn1)?,
        attribute(
            ID_SIGNING_CERTIFICATE_V2,
            Any::encode_from(&signing_certificate).map_err(asn1)?,
        )
        .map_err(asn1)?,
    ])
    .map_err(asn1)?;
    // RFC 5652 §5.4: the signature covers the attributes encoded as a SET, not as [0].
    let signature = signer.sign_asn1(&signed_attrs.to_der().map_err(asn1)?)?;

    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: certificate.tbs_certificate.issuer.clone(),
            serial_number: certificate.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: sha256_algorithm(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: ECDSA_WITH_SHA256,
            parameters: None,
        },
        signature: OctetString::new(signature).map_err(asn1)?,
        unsigned_attrs: None,
    };
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256_algorithm()]).map_err(asn1)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(
            SetOfVec::try_from(vec![CertificateChoices::Certificate(certificate)]).map_err(asn1)?,
        )),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info]).map_err(asn1)?),
    };
    let content_info = ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed_data).map_err(asn1)?,
    };
    content_info.to_der().map_err(asn1)
}

/// Checks a detached SignedData (possibly followed by the zero padding of `/Contents`)
/// against the digest of the signed content; returns the signer's certificate (DER).
pub fn verify_signed_data(
    container: &[u8],
    content_digest: &[u8; 32],
) -> Result<Vec<u8>, CmsError> {
    let malformed = |what: &str| CmsError::Malformed(what.to_owned());
    let asn1 = |e: der::Error| CmsError::Malformed(e.to_string());
    let mut reader = der::SliceReader::new(container).map_err(asn1)?;
    let content_info = <ContentInfo as der::Decode>::decode(&mut reader).map_err(asn1)?;
    let used = usize::try_from(der::Reader::position(&reader)).map_err(asn1)?;
    // The reserve after the container is zeros; anything else there was put there later.
    if container[used..].iter().any(|&b| b != 0) {
        return Err(malformed("data after the signature container"));
    }
    if content_info.content_type != ID_SIGNED_DATA {
        return Err(malformed("not SignedData"));
    }
    let signed_data: SignedData = content_info.content.decode_as().map_err(asn1)?;
    let [signer_info] = signed_data.signer_infos.0.as_slice() else {
        return Err(malformed("expected exactly one signer"));
    };
    // Every unsigned field must be what `build_signed_data` writes: a verifier of this
    // portal's certificates has no reason to tolerate anything else in them.
    let as_built = signed_data.version == CmsVersion::V1
        && signer_info.version == CmsVersion::V1
        && signed_data.digest_algorithms.as_slice() == [sha256_algorithm()]
        && signed_data.encap_content_info
            == EncapsulatedContentInfo {
                econtent_type: ID_DATA,
                econtent: None,
            }
        && signed_data.crls.is_none()
        && signed_data
            .certificates
            .as_ref()
            .is_some_and(|set| set.0.len() == 1)
        && signer_info.unsigned_attrs.is_none()
        && signer_info.signature_algorithm.parameters.is_none()
        && signer_info.digest_alg.parameters.is_none();
    if !as_built {
        return Err(malformed(
            "the container is not shaped as this portal signs",
        ));
    }
    let certificate = signed_data
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .find_map(|choice| match (choice, &signer_info.sid) {
            (
                CertificateChoices::Certificate(cert),
                SignerIdentifier::IssuerAndSerialNumber(id),
            ) if cert.tbs_certificate.issuer == id.issuer
                && cert.tbs_certificate.serial_number == id.serial_number =>
            {
                Some(cert)
            }
            _ => None,
        })
        .ok_or_else(|| malformed("the signer's certificate is not embedded"))?;
    if signer_info.digest_alg.oid != ID_SHA256
        || signer_info.signature_algorithm.oid != ECDSA_WITH_SHA256
    {
        return Err(malformed("only SHA-256 with ECDSA is accepted"));
    }
    let attrs = signer_info
        .signed_attrs
        .as_ref()
        .ok_or_else(|| malformed("no signed attributes"))?;
    let single_value = |oid: ObjectIdentifier| {
        attrs
            .iter()
            .find(|a| a.oid == oid)
            .and_then(|a| a.values.iter().next())
            .ok_or_else(|| CmsError::Malformed(format!("missing attribute {oid}")))
    };
    let content_type: ObjectIdentifier =
        single_value(ID_CONTENT_TYPE)?.decode_as().map_err(asn1)?;
    if content_type != ID_DATA {
        return Err(malformed("the content type is not id-data"));
    }
    let digest: OctetString = single_value(ID_MESSAGE_DIGEST)?.decode_as().map_err(asn1)?;
    if digest.as_bytes() != content_digest {
        return Err(CmsError::DigestMismatch);
    }
    let certificate_der = certificate.to_der().map_err(asn1)?;
    let signing_certificate: SigningCertificateV2 = single_value(ID_SIGNING_CERTIFICATE_V2)?
        .decode_as()
        .map_err(asn1)?;
    let certificate_hash = Sha256::digest(&certificate_der);
    if signing_certificate
        .certs
        .first()
        .map(|c| c.cert_hash.as_bytes())
        != Some(certificate_hash.as_slice())
    {
        return Err(CmsError::CertificateMismatch);
    }
    let public_key = certificate
        .tbs_certificate
        .subject_public_key_info
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| malformed("the certificate's key is not a whole number of bytes"))?;
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, public_key)
        .verify(
            &attrs.to_der().map_err(asn1)?,
            signer_info.signature.as_bytes(),
        )
        .map_err(|_| CmsError::BadSignature)?;
    Ok(certificate_der)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::{other_signer, test_signer};

    #[test]
    fn a_signed_data_verifies_and_names_its_certificate() {
        let signer = test_signer();
        let digest: [u8; 32] = Sha256::digest(b"ranges").into();
        let mut container = build_signed_data(&digest, &signer).expect("cms");
        container.extend_from_slice(&[0; 64]); // /Contents padding
        assert_eq!(
            verify_signed_data(&container, &digest),
            Ok(signer.certificate_der.clone())
        );
        let other: [u8; 32] = Sha256::digest(b"other").into();
        assert_eq!(
            verify_signed_data(&container, &other),
            Err(CmsError::DigestMismatch)
        );
    }

    #[test]
    fn a_changed_signature_value_is_caught() {
        let digest = [7u8; 32];
        let mut container = build_signed_data(&digest, &test_signer()).expect("cms");
        // The signature value is the last field of the last structure.
        let last = container.len() - 1;
        container[last] ^= 1;
        assert_eq!(
            verify_signed_data(&container, &digest),
            Err(CmsError::BadSignature)
        );
    }

    #[test]
    fn a_signature_by_another_key_is_told_by_its_certificate() {
        let digest = [7u8; 32];
        let container = build_signed_data(&digest, &other_signer()).expect("cms");
        let certificate = verify_signed_data(&container, &digest).expect("valid in itself");
        assert_ne!(certificate, test_signer().certificate_der);
    }
}
