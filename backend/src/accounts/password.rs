//! Password hashing with argon2id (memory-hard), in the PHC string format.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    // uuid's v4 bytes come from the OS generator: a 16-byte salt without another RNG crate.
    let salt = SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes())?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A random password that satisfies the default policy: 12 letters and digits, at least
/// two digits, no look-alike characters (0/O, 1/l/I).
pub fn generate() -> String {
    const LETTERS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    const DIGITS: &[u8] = b"23456789";
    let bytes = *uuid::Uuid::new_v4().as_bytes();
    bytes[..12]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let pool = if i % 4 == 3 { DIGITS } else { LETTERS };
            char::from(pool[usize::from(*b) % pool.len()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let first = hash("Valdoria2026").unwrap();
        assert!(first.starts_with("$argon2id$"));
        assert!(verify("Valdoria2026", &first));
        assert!(!verify("Valdoria2027", &first));
        assert_ne!(first, hash("Valdoria2026").unwrap());
    }

    #[test]
    fn generated_passwords_meet_the_policy() {
        for _ in 0..200 {
            let password = generate();
            assert_eq!(password.len(), 12);
            assert!(password.chars().all(|c| c.is_ascii_alphanumeric()));
            assert!(password.chars().filter(char::is_ascii_digit).count() >= 2);
        }
    }
}
