//! The anti-bot check of registration: instead of an image captcha (which fails WCAG),
//! the browser spends about a second finding a nonce such that
//! SHA-256(challenge ":" nonce) starts with `difficulty` zero bits. Checking costs one hash.

use sha2::{Digest, Sha256};

pub fn leading_zero_bits(hash: &[u8]) -> u32 {
    let mut bits = 0;
    for byte in hash {
        if *byte == 0 {
            bits += 8;
        } else {
            bits += byte.leading_zeros();
            break;
        }
    }
    bits
}

pub fn is_solution(challenge: &str, nonce: &str, difficulty: u32) -> bool {
    nonce.len() <= 32
        && leading_zero_bits(&Sha256::digest(format!("{challenge}:{nonce}").as_bytes()))
            >= difficulty
}

/// What the browser does; here for tests and command-line clients.
pub fn solve(challenge: &str, difficulty: u32) -> String {
    (0u64..)
        .map(|n| n.to_string())
        .find(|nonce| is_solution(challenge, nonce, difficulty))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_leading_zero_bits() {
        assert_eq!(leading_zero_bits(&[0, 0, 0x1f, 0xff]), 19);
        assert_eq!(leading_zero_bits(&[0x80]), 0);
        assert_eq!(leading_zero_bits(&[0, 0]), 16);
    }

    #[test]
    fn a_solution_solves_and_a_guess_does_not() {
        let nonce = solve("abc.123", 12);
        assert!(is_solution("abc.123", &nonce, 12));
        assert!(!is_solution("abc.124", &nonce, 16) || !is_solution("abc.124", &nonce, 12));
        assert!(
            !is_solution("abc.123", &"9".repeat(40), 0),
            "absurdly long nonces are refused"
        );
    }
}
