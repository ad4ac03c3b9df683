//! The booking code shown at the desk: six characters of Crockford's base 32 (no I, L, O,
//! U), easy to read aloud; unique by the database's constraint.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Six characters from six random bytes (each byte's low five bits: uniform over 32).
pub fn from_bytes(bytes: [u8; 6]) -> String {
    bytes
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// A fresh code from the system's randomness.
pub fn generate() -> Option<String> {
    let bytes: [u8; 6] = ring::rand::generate(&ring::rand::SystemRandom::new())
        .ok()?
        .expose();
    Some(from_bytes(bytes))
}

/// A code as typed: spaces and dashes dropped, case ignored, O read as 0 and I/L as 1.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

pub fn looks_like_code(text: &str) -> bool {
    let code = normalize(text);
    code.len() == 6 && code.bytes().all(|b| ALPHABET.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_readable_characters() {
        for _ in 0..100 {
            let code = generate().unwrap_or_default();
            assert!(looks_like_code(&code), "{code}");
            assert!(!code.contains(['I', 'L', 'O', 'U']));
        }
        assert_eq!(normalize("k7q-4ol"), "K7Q401");
        assert!(!looks_like_code("RSSMRA80A01H501U"));
    }
}
