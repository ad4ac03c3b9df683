//! HTTPS served by the portal itself (rustls on ring), optionally asking visitors for a
//! client certificate: a smart card (CNS/CRS) issued by one of the configured CAs.
//!
//! The certificate is *requested, not required*: a visitor without a card completes the
//! handshake as usual, so one port serves everybody. A certificate that is presented is
//! verified here, at the handshake (chain to a configured CA, validity period, client-auth
//! use); one that fails ends the handshake, and the handler never sees it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};

use crate::platform::settings::Settings;

/// Why the TLS settings cannot be used; each names the setting or the file at fault.
#[derive(Debug, thiserror::Error)]
pub enum TlsSetupError {
    #[error("tls_cert_file is set but tls_key_file is not")]
    KeyMissing,
    #[error("tls_key_file is set but tls_cert_file is not")]
    CertificateMissing,
    #[error(
        "tls_client_ca_files needs tls_cert_file and tls_key_file: client certificates only \
         reach a portal that terminates TLS itself"
    )]
    ClientCasWithoutTls,
    #[error("cannot read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} holds no PEM certificate (-----BEGIN CERTIFICATE-----)", path.display())]
    NoCertificate { path: PathBuf },
    #[error("{}: malformed PEM: {reason}", path.display())]
    MalformedPem { path: PathBuf, reason: String },
    #[error("{} holds no usable PEM private key (PKCS#8, PKCS#1 or SEC1): {reason}", path.display())]
    NoPrivateKey { path: PathBuf, reason: String },
    #[error("{}: a certificate cannot serve as a trust anchor: {reason}", path.display())]
    UnusableCa { path: PathBuf, reason: String },
    #[error("the TLS provider refuses the configuration: {0}")]
    Provider(String),
    #[error("the client certificate CAs cannot be used: {0}")]
    ClientVerifier(String),
    #[error("the key in {} does not fit the certificate in {}: {reason}", key.display(), certificate.display())]
    KeyMismatch {
        certificate: PathBuf,
        key: PathBuf,
        reason: String,
    },
}

/// The rustls configuration the settings ask for; `None` when the portal speaks plain
/// HTTP (a reverse proxy in front terminates TLS, or a development machine).
pub fn server_config(settings: &Settings) -> Result<Option<ServerConfig>, TlsSetupError> {
    let (certificate_file, key_file) = match (&settings.tls_cert_file, &settings.tls_key_file) {
        (Some(certificate), Some(key)) => (certificate, key),
        (Some(_), None) => return Err(TlsSetupError::KeyMissing),
        (None, Some(_)) => return Err(TlsSetupError::CertificateMissing),
        (None, None) if settings.tls_client_ca_files.is_empty() => return Ok(None),
        (None, None) => return Err(TlsSetupError::ClientCasWithoutTls),
    };
    // Explicitly ring, whatever provider another crate might install process-wide.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsSetupError::Provider(e.to_string()))?;
    let builder = if settings.tls_client_ca_files.is_empty() {
        builder.with_no_client_auth()
    } else {
        let roots = trust_anchors(&settings.tls_client_ca_files)?;
        let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
            .allow_unauthenticated()
            .build()
            .map_err(|e| TlsSetupError::ClientVerifier(e.to_string()))?;
        builder.with_client_cert_verifier(verifier)
    };
    let chain = certificates(certificate_file)?;
    let key = private_key(key_file)?;
    builder
        .with_single_cert(chain, key)
        .map(Some)
        .map_err(|e| TlsSetupError::KeyMismatch {
            certificate: certificate_file.clone(),
            key: key_file.clone(),
            reason: e.to_string(),
        })
}

fn read(path: &Path) -> Result<Vec<u8>, TlsSetupError> {
    std::fs::read(path).map_err(|source| TlsSetupError::Unreadable {
        path: path.to_owned(),
        source,
    })
}

/// Every certificate in a PEM file, in order; at least one.
fn certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, TlsSetupError> {
    let pem = read(path)?;
    let certificates = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TlsSetupError::MalformedPem {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
    if certificates.is_empty() {
        return Err(TlsSetupError::NoCertificate {
            path: path.to_owned(),
        });
    }
    Ok(certificates)
}

fn private_key(path: &Path) -> Result<PrivateKeyDer<'static>, TlsSetupError> {
    let pem = read(path)?;
    PrivateKeyDer::from_pem_slice(&pem).map_err(|e| TlsSetupError::NoPrivateKey {
        path: path.to_owned(),
        reason: e.to_string(),
    })
}

/// The CAs of every file: a region's or AgID's published bundle may hold several.
fn trust_anchors(paths: &[PathBuf]) -> Result<RootCertStore, TlsSetupError> {
    let mut roots = RootCertStore::empty();
    for path in paths {
        for certificate in certificates(path)? {
            roots
                .add(certificate)
                .map_err(|e| TlsSetupError::UnusableCa {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
        }
    }
    Ok(roots)
}

#[cfg(test)]
mod tests;
