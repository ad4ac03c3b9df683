//! Certificates: issuing the signed PDF with its QR stamp, the archive, delivery by
//! e-mail, revocation, public verification and the signing keys.

pub mod api;
pub mod archive;
pub mod error;
pub mod issue;
pub mod keyring;
pub mod layout;
pub mod rules;
pub mod store;

pub use error::Error;

// What other features may use of the certificates' tables (the citizen's access log).
pub use store::certificates::verifications_about;

/// The kind of [`CertificateId`]: an issued certificate (the id printed under its QR).
pub enum Certificate {}
pub type CertificateId = crate::platform::id::Id<Certificate>;
