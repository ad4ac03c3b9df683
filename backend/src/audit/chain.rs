//! The hash chain, as a pure function: each entry's hash covers every column but `id` and
//! `hash` itself, plus the previous entry's hash, so editing or removing any entry breaks
//! the chain from that point on.
//!
//! Encoding (version 1): the domain tag `portale-audit-v1`, then each field in a fixed
//! order, every one as a presence byte (0 = NULL, 1 = value) followed, for a value, by its
//! length in bytes (u64, big-endian) and its UTF-8 bytes. Length prefixes make the
//! encoding unambiguous: no choice of field values can produce another entry's bytes.

use chrono::{NaiveDateTime, SubsecRound};
use sha2::{Digest, Sha256};

/// `prev_hash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

const DOMAIN_TAG: &[u8] = b"portale-audit-v1";

/// Everything the hash of one entry covers, borrowed from a row or from a new entry.
#[derive(Debug, Clone, Copy)]
pub struct HashedFields<'a> {
    pub prev_hash: &'a str,
    pub occurred_at: NaiveDateTime,
    pub actor_id: Option<&'a str>,
    pub actor_label: &'a str,
    pub action: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub request_id: Option<&'a str>,
    /// The JSON text exactly as stored.
    pub details: &'a str,
}

/// Both databases keep microseconds; anything finer would not survive the round trip.
pub fn truncate_timestamp(at: NaiveDateTime) -> NaiveDateTime {
    at.trunc_subsecs(6)
}

/// The timestamp as hashed: ISO 8601 with exactly six fractional digits, UTC implied.
fn timestamp_text(at: NaiveDateTime) -> String {
    truncate_timestamp(at)
        .format("%Y-%m-%dT%H:%M:%S%.6f")
        .to_string()
}

pub fn canonical_bytes(fields: &HashedFields<'_>) -> Vec<u8> {
    let occurred_at = timestamp_text(fields.occurred_at);
    let values: [Option<&str>; 11] = [
        Some(fields.prev_hash),
        Some(&occurred_at),
        fields.actor_id,
        Some(fields.actor_label),
        Some(fields.action),
        fields.subject_type,
        fields.subject_id,
        fields.reason,
        fields.ip,
        fields.request_id,
        Some(fields.details),
    ];
    let mut bytes = Vec::with_capacity(256);
    bytes.extend_from_slice(DOMAIN_TAG);
    for value in values {
        match value {
            None => bytes.push(0),
            Some(text) => {
                bytes.push(1);
                bytes.extend_from_slice(&(text.len() as u64).to_be_bytes());
                bytes.extend_from_slice(text.as_bytes());
            }
        }
    }
    bytes
}

/// SHA-256 of the canonical encoding, as 64 lowercase hex digits.
pub fn entry_hash(fields: &HashedFields<'_>) -> String {
    crate::platform::hex::encode(&Sha256::digest(canonical_bytes(fields)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use chrono::NaiveDate;

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_micro_opt(9, 30, 0, 123_456)
            .unwrap()
    }

    fn sample() -> HashedFields<'static> {
        HashedFields {
            prev_hash: GENESIS_HASH,
            occurred_at: at(),
            actor_id: Some("acc-1"),
            actor_label: "Maria Rossi",
            action: "person.viewed",
            subject_type: Some("person"),
            subject_id: Some("p-42"),
            reason: None,
            ip: Some("192.0.2.7"),
            request_id: Some("req-1"),
            details: "{}",
        }
    }

    #[test]
    fn the_hash_is_64_lowercase_hex_digits_and_deterministic() {
        let hash = entry_hash(&sample());
        assert_eq!(hash.len(), 64);
        assert!(hash
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase()));
        assert_eq!(hash, entry_hash(&sample()));
        assert_eq!(GENESIS_HASH.len(), 64);
    }

    #[test]
    fn sha256_is_the_standard_one() {
        let digest = Sha256::digest(b"abc");
        assert_eq!(
            digest[..4],
            [0xba, 0x78, 0x16, 0xbf],
            "SHA-256(\"abc\") starts with ba7816bf"
        );
    }

    #[test]
    fn every_field_changes_the_hash() {
        let base = entry_hash(&sample());
        let later = at() + chrono::Duration::microseconds(1);
        let variants = [
            HashedFields {
                prev_hash: "1",
                ..sample()
            },
            HashedFields {
                occurred_at: later,
                ..sample()
            },
            HashedFields {
                actor_id: None,
                ..sample()
            },
            HashedFields {
                actor_label: "Mario Rossi",
                ..sample()
            },
            HashedFields {
                action: "person.updated",
                ..sample()
            },
            HashedFields {
                subject_type: None,
                ..sample()
            },
            HashedFields {
                subject_id: Some("p-43"),
                ..sample()
            },
            HashedFields {
                reason: Some("x"),
                ..sample()
            },
            HashedFields {
                ip: None,
                ..sample()
            },
            HashedFields {
                request_id: Some("req-2"),
                ..sample()
            },
            HashedFields {
                details: "{\"a\":1}",
                ..sample()
            },
        ];
        for variant in variants {
            assert_ne!(entry_hash(&variant), base, "{variant:?}");
        }
    }

    #[test]
    fn null_and_empty_text_differ() {
        let null = HashedFields {
            reason: None,
            ..sample()
        };
        let empty = HashedFields {
            reason: Some(""),
            ..sample()
        };
        assert_ne!(entry_hash(&null), entry_hash(&empty));
    }

    #[test]
    fn moving_text_between_adjacent_fields_changes_the_hash() {
        let a = HashedFields {
            subject_type: Some("person"),
            subject_id: Some("1"),
            ..sample()
        };
        let b = HashedFields {
            subject_type: Some("person1"),
            subject_id: Some(""),
            ..sample()
        };
        let c = HashedFields {
            subject_type: Some("perso"),
            subject_id: Some("n1"),
            ..sample()
        };
        assert_ne!(entry_hash(&a), entry_hash(&b));
        assert_ne!(entry_hash(&a), entry_hash(&c));
    }

    #[test]
    fn sub_microsecond_digits_are_ignored() {
        let precise = at() + chrono::Duration::nanoseconds(789);
        let truncated = HashedFields {
            occurred_at: precise,
            ..sample()
        };
        assert_eq!(entry_hash(&truncated), entry_hash(&sample()));
        assert_eq!(truncate_timestamp(precise), at());
    }
}
