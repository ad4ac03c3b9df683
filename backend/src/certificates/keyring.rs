//! The municipality's signing keys as the server uses them: the current key, parsed
//! once and kept in memory, and every key's public part for verifiers.
//!
//! Several instances share the keys through the database. `portale keys rotate` run
//! while servers are up takes effect on each of them within [`RECHECK`]: until then
//! they keep signing with the key just retired, which still verifies.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::platform::settings::Settings;

use crate::certificates::store::signing_keys::{self, SigningKeyRow};
use crate::document::signer::{generate_signing_identity, PublicKeyInfo, Signer, SignerError};
use crate::platform::db::{DbConnection, DbError};

/// How long a server trusts its cached idea of which key is current.
const RECHECK: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("signing key: {0}")]
    Key(#[from] SignerError),
    #[error("configured signing key: {0}")]
    Configured(String),
}

/// Who the generated certificates name.
#[derive(Debug, Clone)]
pub struct Issuer {
    /// The comune's name without "Comune di": "Valdoria".
    pub city: String,
    pub istat_code: String,
}

impl Issuer {
    /// Whom the certificate-signing keys name: the comune and its ISTAT code.
    pub fn of(settings: &Settings) -> Issuer {
        Issuer {
            city: settings.municipality.office.city.clone(),
            istat_code: settings.municipality.istat_code.clone(),
        }
    }
}

#[derive(Default)]
pub struct Keyring {
    cached: RwLock<Option<(Arc<Signer>, Instant)>>,
}

impl Keyring {
    /// The current signer: from memory while fresh, otherwise from the database,
    /// creating the first key when there is none.
    pub fn current(
        &self,
        conn: &mut DbConnection,
        issuer: &Issuer,
    ) -> Result<Arc<Signer>, KeyringError> {
        let cached = self.cached.read().ok().and_then(|guard| guard.clone());
        if let Some((signer, loaded)) = &cached {
            if loaded.elapsed() < RECHECK {
                return Ok(signer.clone());
            }
        }
        let row = ensure_current(conn, issuer)?;
        let signer = match cached {
            Some((signer, _)) if signer.key_id == row.id => signer,
            _ => Arc::new(signer_of(&row)?),
        };
        if let Ok(mut guard) = self.cached.write() {
            *guard = Some((signer.clone(), Instant::now()));
        }
        Ok(signer)
    }
}

fn signer_of(row: &SigningKeyRow) -> Result<Signer, SignerError> {
    Signer::from_parts(
        row.id.clone(),
        &row.private_key_pkcs8,
        row.certificate_der.clone(),
    )
}

/// A new key row named after its creation time ("k-20261130-093812"), so the key ids on
/// documents read in order.
fn new_key(issuer: &Issuer, now: DateTime<Utc>) -> Result<SigningKeyRow, SignerError> {
    let id = format!("k-{}", now.format("%Y%m%d-%H%M%S"));
    let (pkcs8, certificate) =
        generate_signing_identity(&id, &issuer.city, &issuer.istat_code, now)?;
    Ok(SigningKeyRow {
        id,
        private_key_pkcs8: pkcs8,
        certificate_der: certificate,
        created_at: now.naive_utc(),
        retired_at: None,
    })
}

/// The current key, generated at first use.
pub fn ensure_current(
    conn: &mut DbConnection,
    issuer: &Issuer,
) -> Result<SigningKeyRow, KeyringError> {
    if let Some(row) = signing_keys::current(conn)? {
        return Ok(row);
    }
    let first = new_key(issuer, Utc::now())?;
    Ok(signing_keys::insert_first(conn, &first)?)
}

/// Reads the configured certificate and key (PEM) into a key row named after the
/// certificate's fingerprint, checking that they belong together.
fn configured_key(
    cert_file: &std::path::Path,
    key_file: &std::path::Path,
) -> Result<SigningKeyRow, KeyringError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivatePkcs8KeyDer};
    use sha2::{Digest, Sha256};
    let bad = |what: String| KeyringError::Configured(what);
    let certificate = CertificateDer::pem_file_iter(cert_file)
        .map_err(|e| bad(format!("{}: {e}", cert_file.display())))?
        .next()
        .ok_or_else(|| bad(format!("{}: no certificate", cert_file.display())))?
        .map_err(|e| bad(format!("{}: {e}", cert_file.display())))?;
    let key = PrivatePkcs8KeyDer::from_pem_file(key_file)
        .map_err(|e| bad(format!("{}: not a PEM PKCS#8 key: {e}", key_file.display())))?;
    let fingerprint = crate::platform::hex::encode(&Sha256::digest(certificate.as_ref())[..8]);
    let row = SigningKeyRow {
        id: format!("x509-{fingerprint}"),
        private_key_pkcs8: key.secret_pkcs8_der().to_vec(),
        certificate_der: certificate.as_ref().to_vec(),
        created_at: Utc::now().naive_utc(),
        retired_at: None,
    };
    // Refuses a key of another type or one that does not match the certificate.
    signer_of(&row).map_err(|e| {
        bad(format!(
            "{} with {}: {e}",
            cert_file.display(),
            key_file.display()
        ))
    })?;
    Ok(row)
}

/// At start: a configured certificate and key become the current key (retiring the
/// previous one) unless they already are; otherwise a key is generated if none exists.
pub fn prepare(
    conn: &mut DbConnection,
    settings: &crate::platform::settings::Settings,
) -> Result<(), KeyringError> {
    match (&settings.signing_cert_file, &settings.signing_key_file) {
        (Some(cert), Some(key)) => {
            let row = configured_key(cert, key)?;
            let current = signing_keys::current(conn)?;
            let known = signing_keys::all(conn)?.into_iter().any(|k| k.id == row.id);
            if known && current.as_ref().is_none_or(|c| c.id != row.id) {
                return Err(KeyringError::Configured(format!(
                    "the certificate {} was retired by a rotation; configure a new one",
                    row.id
                )));
            }
            if current.is_none_or(|c| c.id != row.id) {
                signing_keys::rotate(conn, &row)?;
                tracing::info!(
                    key = row.id,
                    "configured signing certificate is now current"
                );
            }
            Ok(())
        }
        (None, None) => ensure_current(conn, &Issuer::of(settings)).map(|_| ()),
        _ => Err(KeyringError::Configured(
            "signing_cert_file and signing_key_file go together".to_owned(),
        )),
    }
}

/// Retires the current key and creates a new one; answers the new key's id.
pub fn rotate(conn: &mut DbConnection, issuer: &Issuer) -> Result<String, KeyringError> {
    let mut now = Utc::now();
    // Ids carry the second of creation: two rotations in one second get distinct ids.
    if let Some(current) = signing_keys::current(conn)? {
        if current.id == format!("k-{}", now.format("%Y%m%d-%H%M%S")) {
            now += chrono::Duration::seconds(1);
        }
    }
    let row = new_key(issuer, now)?;
    signing_keys::rotate(conn, &row)?;
    Ok(row.id)
}

/// A published key: its public part and whether it still signs.
pub struct PublishedKey {
    pub info: PublicKeyInfo,
    pub row: SigningKeyRow,
}

/// Every key ever used, the oldest first, without private parts leaving this module.
pub fn published(conn: &mut DbConnection) -> Result<Vec<PublishedKey>, KeyringError> {
    signing_keys::all(conn)?
        .into_iter()
        .map(|mut row| {
            let info = PublicKeyInfo::from_certificate(row.id.clone(), &row.certificate_der)?;
            row.private_key_pkcs8.clear();
            Ok(PublishedKey { info, row })
        })
        .collect()
}
