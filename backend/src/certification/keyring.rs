//! The municipality's signing keys as the server uses them: the current key, parsed
//! once and kept in memory, and every key's public part for verifiers.
//!
//! Several instances share the keys through the database. `portale keys rotate` run
//! while servers are up takes effect on each of them within [`RECHECK`]: until then
//! they keep signing with the key just retired, which still verifies.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::db::signing_keys::{self, SigningKeyRow};
use crate::db::{DbConnection, DbError};
use crate::document::signer::{generate_signing_identity, PublicKeyInfo, Signer, SignerError};

/// How long a server trusts its cached idea of which key is current.
const RECHECK: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum KeyringError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("signing key: {0}")]
    Key(#[from] SignerError),
}

impl From<KeyringError> for crate::error::ApiError {
    fn from(error: KeyringError) -> Self {
        crate::error::ApiError::internal(error)
    }
}

/// Who the generated certificates name.
#[derive(Debug, Clone)]
pub struct Issuer {
    /// The comune's name without "Comune di": "Valdoria".
    pub city: String,
    pub istat_code: String,
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

    /// Forgets the cached key (after a rotation in this process).
    pub fn invalidate(&self) {
        if let Ok(mut guard) = self.cached.write() {
            *guard = None;
        }
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
