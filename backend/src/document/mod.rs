//! The document engine: certificate PDFs with a QR digital stamp, sealed (COSE_Sign1) and
//! signed (PAdES-B-B), and their offline inspection; and plain multi-page forms for the
//! citizen to sign (`form`). Pure: bytes in, bytes out.
//!
//! A certificate runs over as many pages as it needs (`pages`); each page carries two
//! content streams. The first, the page's body, holds everything printed on it except the
//! stamp; it is stored uncompressed, and the SHA-256 of the bodies one after the other in
//! page order (`content_sha256`; for one page, of its body) goes into the seal. The second
//! holds the stamp (QR, ID, where to verify), the same on every page, which cannot be part
//! of what the seal hashes since it contains the seal.
//!
//! Given the same inputs the body, its hash and the whole layout are identical; the two
//! ECDSA signatures are not (ring draws a fresh nonce), so neither are the QR and the file
//! bytes: "the same PDF again" is the stored file.

pub mod cms;
pub mod document_id;
pub mod fonts;
pub mod form;
pub mod inspect;
pub mod layout;
pub mod model;
pub mod pades;
pub mod pages;
pub mod pdf;
pub mod printable;
pub mod qr;
pub mod render;
pub mod seal;
pub mod signer;
pub mod stamp;

#[cfg(test)]
mod tests;

use sha2::{Digest as _, Sha256};

pub use inspect::{inspect, Check, CheckName, Verdict};
pub use model::{
    Align, CertificateDocument, CoatOfArms, Column, DocumentHeader, Metadata, Paragraph, Run, Table,
};
pub use seal::{seal, verify_seal, verify_url, SealClaims, SealError};
pub use signer::{generate_signing_identity, Jwk, PublicKeyInfo, Signer, SignerError};

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error(transparent)]
    Unencodable(#[from] fonts::Unencodable),
    #[error("the small print does not fit the stamp band ({overflow_points:.0} points too long)")]
    DoesNotFit { overflow_points: f32 },
    #[error("the QR code cannot hold the verification URL: {0}")]
    Qr(String),
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
    #[error(transparent)]
    Signing(#[from] SignerError),
    #[error(transparent)]
    Pades(#[from] pades::SignatureFailure),
}

/// The seal's claims before the body exists to be hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealSubject {
    /// ISTAT code of the municipality.
    pub issuer: String,
    pub certificate_id: String,
    pub type_code: String,
    pub surname: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
}

impl SealSubject {
    pub fn with_hash(&self, content_sha256: [u8; 32]) -> SealClaims {
        SealClaims {
            issuer: self.issuer.clone(),
            certificate_id: self.certificate_id.clone(),
            type_code: self.type_code.clone(),
            surname: self.surname.clone(),
            name: self.name.clone(),
            issued_on: self.issued_on.clone(),
            content_sha256,
        }
    }
}

/// A finished certificate, ready to be stored and served byte for byte.
#[derive(Debug, Clone)]
pub struct IssuedDocument {
    pub pdf: Vec<u8>,
    pub pdf_sha256: [u8; 32],
    /// SHA-256 of the body content stream, as in the seal.
    pub content_sha256: [u8; 32],
    /// The COSE_Sign1 bytes.
    pub seal: Vec<u8>,
    pub verify_url: String,
}

/// Lays out and assembles a form to print and sign (no seal, no signature of ours);
/// `file_id` (16 bytes are plenty) becomes the PDF's identifier.
pub fn form_pdf(doc: &form::FormDocument, file_id: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let pages = form::render_pages(doc)?;
    pdf::assemble_pages(pages, &doc.metadata, file_id)
}

/// What the seal's `h` asserts: SHA-256 over the pages' bodies in page order.
pub fn content_hash(bodies: &[Vec<u8>]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for body in bodies {
        hasher.update(body);
    }
    hasher.finalize().into()
}

/// Renders, seals, stamps, assembles and signs a certificate.
pub fn issue(
    doc: &CertificateDocument,
    subject: &SealSubject,
    signer: &Signer,
    public_base_url: &str,
) -> Result<IssuedDocument, DocumentError> {
    let bodies = pages::render_pages(doc)?;
    let content_sha256 = content_hash(&bodies);
    let seal = seal::seal(&subject.with_hash(content_sha256), signer)?;
    let verify_url = seal::verify_url(public_base_url, &subject.certificate_id, &seal);
    let stamp = stamp::render_stamp(&verify_url, &doc.certificate_id, public_base_url)?;
    let reason = format!(
        "Certificato anagrafico rilasciato dal {}",
        doc.metadata.author
    );
    let unsigned = pdf::assemble(pdf::PageParts {
        bodies,
        stamp,
        verify_url: &verify_url,
        metadata: &doc.metadata,
        signature: pades::SignatureRequest {
            signer_name: &doc.metadata.author,
            reason: &reason,
            signing_time: doc.metadata.creation_date,
        },
        content_sha256,
    })?;
    let pdf = pades::sign(unsigned, signer)?;
    let pdf_sha256 = Sha256::digest(&pdf).into();
    Ok(IssuedDocument {
        pdf,
        pdf_sha256,
        content_sha256,
        seal,
        verify_url,
    })
}

/// Shared by the unit tests of the submodules.
#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::OnceLock;

    use chrono::{TimeZone as _, Utc};

    use super::*;

    fn identity(key_id: &str) -> (Vec<u8>, Vec<u8>) {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 30, 9, 0, 0)
            .single()
            .expect("valid date");
        generate_signing_identity(key_id, "Valdoria", "099001", now).expect("identity")
    }

    /// The key `k1`, generated once per test run (rcgen is not free).
    pub fn test_signer() -> Signer {
        static KEY: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
        let (key, cert) = KEY.get_or_init(|| identity("k1"));
        Signer::from_parts("k1", key, cert.clone()).expect("signer")
    }

    /// Another key that also calls itself `k1`.
    pub fn other_signer() -> Signer {
        static KEY: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
        let (key, cert) = KEY.get_or_init(|| identity("k1"));
        Signer::from_parts("k1", key, cert.clone()).expect("signer")
    }

    pub fn sample_claims() -> SealClaims {
        sample_subject().with_hash([0xab; 32])
    }

    pub fn sample_subject() -> SealSubject {
        SealSubject {
            issuer: "099001".into(),
            certificate_id: "7KQF-9XMA-2R4D-HV0C".into(),
            type_code: "residenza".into(),
            surname: "ROSSI".into(),
            name: "MARIO".into(),
            issued_on: "2026-11-30".into(),
        }
    }
}
