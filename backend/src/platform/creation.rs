//! The steps every creating request shares (issuing a certificate, storing a
//! self-declaration, and next filing a practice or booking a place), so that a client's
//! retry with the same `Idempotency-Key` answers what the first request created:
//!
//! 1. [`Creation::earlier`] before any work: a key seen before answers its first result,
//!    or [`CreationError::KeyReused`] when the body was different;
//! 2. the feature checks, renders and inserts, with the audit entry, in one transaction;
//!    the database's unique index on (owner, key) decides a race between two retries;
//! 3. [`Creation::after_race`] when the insert found the key taken: the twin that won.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// Why a creating request cannot be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CreationError {
    /// The key was used before for a request with another body.
    #[error("the idempotency key was already used for a different request")]
    KeyReused,
    /// The insert found the key taken, yet no row carries it.
    #[error("idempotency key taken but not found")]
    Vanished,
}

/// What a row remembers of the request that created it.
pub trait Fingerprinted {
    fn request_fingerprint(&self) -> Option<&str>;
}

/// One creating request: its idempotency key (if the client sent one) and the
/// fingerprint of what it asked.
#[derive(Debug, Clone)]
pub struct Creation<'k> {
    key: Option<&'k str>,
    fingerprint: String,
}

impl<'k> Creation<'k> {
    /// `request` is what tells two requests apart (its canonical JSON is hashed).
    pub fn new(key: Option<&'k str>, request: &impl Serialize) -> Creation<'k> {
        let canonical = serde_json::to_vec(request).unwrap_or_default();
        Creation {
            key,
            fingerprint: crate::platform::hex::encode(&Sha256::digest(canonical)),
        }
    }

    pub fn key(&self) -> Option<&'k str> {
        self.key
    }

    /// To store with the row.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The row an earlier request with this key created, when there is one; `find`
    /// looks it up by key for the same owner.
    pub fn earlier<C, T, E>(
        &self,
        conn: &mut C,
        find: impl FnOnce(&mut C, &str) -> Result<Option<T>, E>,
    ) -> Result<Option<T>, E>
    where
        T: Fingerprinted,
        E: From<CreationError>,
    {
        let Some(key) = self.key else {
            return Ok(None);
        };
        match find(conn, key)? {
            Some(previous) => self.repeated(previous).map(Some),
            None => Ok(None),
        }
    }

    /// The row of the concurrent retry that won the race for the key.
    pub fn after_race<C, T, E>(
        &self,
        conn: &mut C,
        find: impl FnOnce(&mut C, &str) -> Result<Option<T>, E>,
    ) -> Result<T, E>
    where
        T: Fingerprinted,
        E: From<CreationError>,
    {
        let key = self.key.ok_or(CreationError::Vanished)?;
        let previous = find(conn, key)?.ok_or(CreationError::Vanished)?;
        self.repeated(previous)
    }

    fn repeated<T: Fingerprinted, E: From<CreationError>>(&self, previous: T) -> Result<T, E> {
        if previous.request_fingerprint() == Some(self.fingerprint.as_str()) {
            Ok(previous)
        } else {
            Err(CreationError::KeyReused.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Row(Option<String>);
    impl Fingerprinted for Row {
        fn request_fingerprint(&self) -> Option<&str> {
            self.0.as_deref()
        }
    }

    fn found(
        fingerprint: &str,
    ) -> impl FnOnce(&mut (), &str) -> Result<Option<Row>, CreationError> {
        let fingerprint = fingerprint.to_owned();
        move |_, _| Ok(Some(Row(Some(fingerprint))))
    }

    #[test]
    fn without_a_key_nothing_is_earlier() {
        let creation = Creation::new(None, &("a", 1));
        let earlier = creation.earlier(&mut (), found(creation.fingerprint()));
        assert!(matches!(earlier, Ok(None)));
    }

    #[test]
    fn the_same_body_answers_the_first_row() {
        let creation = Creation::new(Some("k"), &("a", 1));
        let earlier = creation.earlier(&mut (), found(creation.fingerprint()));
        assert!(matches!(earlier, Ok(Some(_))));
    }

    #[test]
    fn another_body_with_the_same_key_is_refused() {
        let first = Creation::new(Some("k"), &("a", 1));
        let second = Creation::new(Some("k"), &("a", 2));
        assert_ne!(first.fingerprint(), second.fingerprint());
        let earlier = second.earlier(&mut (), found(first.fingerprint()));
        assert!(matches!(earlier, Err(CreationError::KeyReused)));
    }

    #[test]
    fn a_race_lost_to_nobody_is_an_error() {
        let creation = Creation::new(Some("k"), &1);
        let lost = creation.after_race(&mut (), |_, _| Ok::<Option<Row>, CreationError>(None));
        assert!(matches!(lost, Err(CreationError::Vanished)));
    }
}
