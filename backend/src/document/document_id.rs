//! Identifiers of issued documents (certificates, self-declarations): 80 random bits in Crockford's base32, four groups of four
//! ("7KQF-9XMA-2R4D-HV0C"). Unguessable, short enough to type from the paper under
//! the QR, and forgiving of the usual misreadings when typed back.

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Formats ten random bytes as an identifier.
pub fn format(random: [u8; 10]) -> String {
    let mut bits: u128 = 0;
    for byte in random {
        bits = (bits << 8) | u128::from(byte);
    }
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let shift = 5 * (15 - i);
        out.push(ALPHABET[((bits >> shift) & 0x1f) as usize] as char);
    }
    out
}

/// The canonical form of a typed identifier, or `None` when it cannot be one:
/// case-insensitive, `O`→`0`, `I`/`L`→`1`, dashes and spaces ignored.
pub fn normalize(typed: &str) -> Option<String> {
    let mut symbols = Vec::with_capacity(16);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        symbols.push(c);
    }
    if symbols.len() != 16 {
        return None;
    }
    let mut out = String::with_capacity(19);
    for (i, c) in symbols.into_iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_four_groups_from_the_alphabet() {
        assert_eq!(format([0; 10]), "0000-0000-0000-0000");
        assert_eq!(format([0xff; 10]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let id = format([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(id.len(), 19);
        assert_eq!(normalize(&id).as_deref(), Some(id.as_str()));
    }

    #[test]
    fn typed_forms_are_forgiven() {
        assert_eq!(
            normalize(" 7kqf 9xma-2r4d hvoc ").as_deref(),
            Some("7KQF-9XMA-2R4D-HV0C")
        );
        assert_eq!(
            normalize("ilil0000000000oo").as_deref(),
            Some("1111-0000-0000-0000")
        );
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused() {
        assert_eq!(normalize("7KQF-9XMA-2R4D"), None);
        assert_eq!(normalize("7KQF-9XMA-2R4D-HV0CX"), None);
        assert_eq!(normalize("UUUU-0000-0000-0000"), None);
        assert_eq!(normalize("ÀKQF-9XMA-2R4D-HV0C"), None);
    }
}
