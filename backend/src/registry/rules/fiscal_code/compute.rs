//! Computation of the code from personal data (surname, name, birth data).

use chrono::{Datelike, NaiveDate};

use super::{
    FiscalCode, FiscalCodeError, NameField, Sex, BODY_LENGTH, FEMALE_DAY_OFFSET, MONTH_LETTERS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PersonalData<'a> {
    pub surname: &'a str,
    pub name: &'a str,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// Belfiore code: an Italian municipality (e.g. `H501`) or a foreign
    /// country (`Z` + three digits, e.g. `Z404`).
    pub birth_place_code: &'a str,
}

impl FiscalCode {
    /// The base code (without omocodia) for `data`.
    pub fn compute(data: &PersonalData<'_>) -> Result<FiscalCode, FiscalCodeError> {
        let surname = surname_letters(data.surname)?;
        let name = name_letters(data.name)?;
        let place = birth_place_code(data.birth_place_code)?;

        let year = data.birth_date.year().rem_euclid(100) as u8;
        let month = MONTH_LETTERS[data.birth_date.month0() as usize];
        let day = data.birth_date.day() as u8
            + match data.sex {
                Sex::M => 0,
                Sex::F => FEMALE_DAY_OFFSET,
            };

        let mut body = [0; BODY_LENGTH];
        body[0..3].copy_from_slice(&surname);
        body[3..6].copy_from_slice(&name);
        body[6..8].copy_from_slice(&two_digits(year));
        body[8] = month;
        body[9..11].copy_from_slice(&two_digits(day));
        body[11..15].copy_from_slice(&place);
        Ok(FiscalCode::from_body(body))
    }

    /// Whether this code, at any omocodia level, is the one computed from
    /// `data`. Data that cannot be encoded matches no code.
    pub fn matches(&self, data: &PersonalData<'_>) -> bool {
        FiscalCode::compute(data).is_ok_and(|computed| computed == self.without_omocodia())
    }
}

fn two_digits(value: u8) -> [u8; 2] {
    [b'0' + value / 10, b'0' + value % 10]
}

fn surname_letters(surname: &str) -> Result<[u8; 3], FiscalCodeError> {
    let (consonants, vowels) = consonants_and_vowels(surname, NameField::Surname)?;
    Ok(pick_three(&consonants, &vowels))
}

fn name_letters(name: &str) -> Result<[u8; 3], FiscalCodeError> {
    let (consonants, vowels) = consonants_and_vowels(name, NameField::Name)?;
    if consonants.len() >= 4 {
        return Ok([consonants[0], consonants[2], consonants[3]]);
    }
    Ok(pick_three(&consonants, &vowels))
}

fn pick_three(consonants: &[u8], vowels: &[u8]) -> [u8; 3] {
    let mut letters = consonants.iter().chain(vowels).copied();
    [(); 3].map(|()| letters.next().unwrap_or(b'X'))
}

fn consonants_and_vowels(
    text: &str,
    field: NameField,
) -> Result<(Vec<u8>, Vec<u8>), FiscalCodeError> {
    let letters = folded_letters(text, field)?;
    if letters.is_empty() {
        return Err(FiscalCodeError::NameHasNoLetters(field));
    }
    Ok(letters
        .into_iter()
        .partition(|letter| !b"AEIOU".contains(letter)))
}

/// Uppercase ASCII letters of `text`, accents folded. Apostrophes, spaces,
/// hyphens, digits and combining marks are dropped, as the Agenzia delle
/// Entrate ignores them; a letter of another script is an error rather than
/// silently dropped, since dropping it would give a plausible wrong code.
fn folded_letters(text: &str, field: NameField) -> Result<Vec<u8>, FiscalCodeError> {
    let mut letters = Vec::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() {
            letters.push(c.to_ascii_uppercase() as u8);
        } else if let Some(base) = fold_accented(c) {
            letters.extend_from_slice(base.as_bytes());
        } else if c.is_alphabetic() {
            return Err(FiscalCodeError::UnsupportedLetter(field));
        }
    }
    Ok(letters)
}

/// Base letters of a lowercase non-ASCII Latin letter; ligatures expand as in
/// common transliteration (æ → AE, ß → SS).
fn fold_accented(c: char) -> Option<&'static str> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "A",
        'æ' => "AE",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "C",
        'ď' | 'đ' | 'ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "E",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "G",
        'ĥ' | 'ħ' => "H",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "I",
        'ĳ' => "IJ",
        'ĵ' => "J",
        'ķ' => "K",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "L",
        'ñ' | 'ń' | 'ņ' | 'ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' => "O",
        'œ' => "OE",
        'ŕ' | 'ŗ' | 'ř' => "R",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "S",
        'ß' => "SS",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "T",
        'þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ'
        | 'ǜ' => "U",
        'ŵ' => "W",
        'ý' | 'ÿ' | 'ŷ' => "Y",
        'ź' | 'ż' | 'ž' => "Z",
        // Vietnamese letters with two diacritics (Latin Extended Additional).
        '\u{1EA0}'..='\u{1EB7}' => "A",
        '\u{1EB8}'..='\u{1EC7}' => "E",
        '\u{1EC8}'..='\u{1ECB}' => "I",
        '\u{1ECC}'..='\u{1EE3}' => "O",
        '\u{1EE4}'..='\u{1EF1}' => "U",
        '\u{1EF2}'..='\u{1EF9}' => "Y",
        _ => return None,
    };
    Some(base)
}

fn birth_place_code(code: &str) -> Result<[u8; 4], FiscalCodeError> {
    let code = code.trim().as_bytes();
    match code {
        [letter, digits @ ..]
            if letter.is_ascii_alphabetic()
                && digits.len() == 3
                && digits.iter().all(u8::is_ascii_digit) =>
        {
            Ok([letter.to_ascii_uppercase(), digits[0], digits[1], digits[2]])
        }
        _ => Err(FiscalCodeError::InvalidBirthPlaceCode),
    }
}
