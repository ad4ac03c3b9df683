//! Codice fiscale of natural persons (DM 23/12/1976): syntax and check
//! character, omocodia, decoding of sex and birth data, computation from
//! personal data. Birthplace names are resolved elsewhere: this module only
//! knows Belfiore codes.

mod compute;
mod decode;
mod describe;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use super::sex::Sex;

pub use compute::PersonalData;
pub use decode::DecodedFiscalCode;
pub use describe::describe;

const LENGTH: usize = 16;
const BODY_LENGTH: usize = 15;
/// 0-based indexes of the characters that are digits unless replaced by an
/// omocodia letter, in the order the Agenzia delle Entrate replaces them last.
const NUMERIC_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];
const OMOCODIA_LETTERS: &[u8; 10] = b"LMNPQRSTUV";
const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";
const MAX_OMOCODIA_LEVEL: u8 = NUMERIC_POSITIONS.len() as u8;
const FEMALE_DAY_OFFSET: u8 = 40;
/// Values of characters at odd (1-based) positions, indexed by `A`..`Z`; a
/// digit counts as the letter with the same index (`0` as `A`).
const ODD_VALUES: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// A syntactically valid, normalized (uppercase, no spaces) codice fiscale of
/// a natural person, 16 chars, check character verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ToSchema)]
#[schema(value_type = String, example = "RSSMRA85T10H501O")]
pub struct FiscalCode(String);

/// Which personal-data field an error refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameField {
    Surname,
    Name,
}

impl NameField {
    pub fn as_str(self) -> &'static str {
        match self {
            NameField::Surname => "surname",
            NameField::Name => "name",
        }
    }
}

impl fmt::Display for NameField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Positions are 1-based, as printed on the tessera sanitaria.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiscalCodeError {
    #[error("a fiscal code has 16 characters, found {found}")]
    Length { found: usize },
    #[error("character {position} is not allowed at that position")]
    InvalidCharacter { position: usize },
    #[error("character 9 is not a month letter (ABCDEHLMPRST)")]
    InvalidMonth,
    #[error("characters 10-11 are not a birth day (01-31, or 41-71 for women)")]
    InvalidDay,
    #[error("wrong check character: expected {expected}, found {found}")]
    CheckCharacter { expected: char, found: char },
    #[error("the encoded birth date does not exist")]
    InvalidDate,
    #[error("a birthplace code is one letter and three digits, e.g. H501 or Z404")]
    InvalidBirthPlaceCode,
    #[error("the {0} contains no letters")]
    NameHasNoLetters(NameField),
    #[error("the {0} contains a letter that is not Latin")]
    UnsupportedLetter(NameField),
}

impl FiscalCodeError {
    /// Stable identifier for API clients; never change an existing value.
    pub fn code(&self) -> &'static str {
        match self {
            FiscalCodeError::Length { .. } => "length",
            FiscalCodeError::InvalidCharacter { .. } => "invalid_character",
            FiscalCodeError::InvalidMonth => "invalid_month",
            FiscalCodeError::InvalidDay => "invalid_day",
            FiscalCodeError::CheckCharacter { .. } => "check_character",
            FiscalCodeError::InvalidDate => "invalid_date",
            FiscalCodeError::InvalidBirthPlaceCode => "invalid_birth_place_code",
            FiscalCodeError::NameHasNoLetters(_) => "name_has_no_letters",
            FiscalCodeError::UnsupportedLetter(_) => "unsupported_letter",
        }
    }
}

impl FiscalCode {
    /// Accepts surrounding and inner whitespace and any letter case. Omocodia
    /// letters are accepted in any of the numeric positions, not only in the
    /// right-to-left order the Agenzia delle Entrate uses.
    pub fn parse(input: &str) -> Result<FiscalCode, FiscalCodeError> {
        let normalized: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let found = normalized.chars().count();
        if found != LENGTH {
            return Err(FiscalCodeError::Length { found });
        }
        if let Some(index) = normalized
            .chars()
            .enumerate()
            .position(|(index, c)| !allowed_at(index, c))
        {
            return Err(FiscalCodeError::InvalidCharacter {
                position: index + 1,
            });
        }

        let bytes = normalized.as_bytes();
        if !MONTH_LETTERS.contains(&bytes[8]) {
            return Err(FiscalCodeError::InvalidMonth);
        }
        let day = two_digit_value(bytes[9], bytes[10]);
        let day_of_month = day % FEMALE_DAY_OFFSET;
        if day > 71 || day_of_month == 0 || day_of_month > 31 {
            return Err(FiscalCodeError::InvalidDay);
        }
        let expected = check_character(&bytes[..BODY_LENGTH]);
        if bytes[BODY_LENGTH] != expected {
            return Err(FiscalCodeError::CheckCharacter {
                expected: char::from(expected),
                found: char::from(bytes[BODY_LENGTH]),
            });
        }
        Ok(FiscalCode(normalized))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many numeric positions hold an omocodia letter.
    pub fn omocodia_level(&self) -> u8 {
        let bytes = self.0.as_bytes();
        let substituted = NUMERIC_POSITIONS
            .iter()
            .filter(|&&index| !bytes[index].is_ascii_digit())
            .count();
        substituted as u8
    }

    pub fn without_omocodia(&self) -> FiscalCode {
        FiscalCode::from_body(self.base_body())
    }

    /// Replaces the last `level` numeric positions, right to left, as the
    /// Agenzia delle Entrate does for each further homonym. Levels above 7
    /// are treated as 7, since there are only seven numeric positions.
    pub fn with_omocodia(&self, level: u8) -> FiscalCode {
        let mut body = self.base_body();
        let substituted = usize::from(level.min(MAX_OMOCODIA_LEVEL));
        for &index in NUMERIC_POSITIONS.iter().rev().take(substituted) {
            body[index] = OMOCODIA_LETTERS[usize::from(body[index] - b'0')];
        }
        FiscalCode::from_body(body)
    }

    fn base_body(&self) -> [u8; BODY_LENGTH] {
        let mut body = [0; BODY_LENGTH];
        body.copy_from_slice(&self.0.as_bytes()[..BODY_LENGTH]);
        for index in NUMERIC_POSITIONS {
            body[index] = restored_digit(body[index]);
        }
        body
    }

    /// `body` must already satisfy the per-position character classes.
    fn from_body(body: [u8; BODY_LENGTH]) -> FiscalCode {
        let check = check_character(&body);
        let code = body
            .iter()
            .chain(std::iter::once(&check))
            .map(|&byte| char::from(byte))
            .collect();
        FiscalCode(code)
    }
}

fn allowed_at(index: usize, c: char) -> bool {
    if NUMERIC_POSITIONS.contains(&index) {
        c.is_ascii_digit() || c.is_ascii() && OMOCODIA_LETTERS.contains(&(c as u8))
    } else {
        c.is_ascii_uppercase()
    }
}

/// The ASCII digit an omocodia letter stands for; digits are returned as is.
fn restored_digit(byte: u8) -> u8 {
    OMOCODIA_LETTERS
        .iter()
        .position(|&letter| letter == byte)
        .map_or(byte, |digit| b'0' + digit as u8)
}

fn two_digit_value(tens: u8, units: u8) -> u8 {
    (restored_digit(tens) - b'0') * 10 + (restored_digit(units) - b'0')
}

/// `body` holds uppercase ASCII letters and digits only.
fn check_character(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(index, &byte)| {
            let value = if byte.is_ascii_digit() {
                byte - b'0'
            } else {
                byte - b'A'
            };
            // Index 0 is position 1, an odd position.
            let weighted = if index % 2 == 0 {
                ODD_VALUES[usize::from(value)]
            } else {
                value
            };
            u32::from(weighted)
        })
        .sum();
    b'A' + (sum % 26) as u8
}

impl fmt::Display for FiscalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for FiscalCode {
    type Err = FiscalCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FiscalCode::parse(s)
    }
}

impl Serialize for FiscalCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Deserializing validates, so a request body can never carry an invalid code.
impl<'de> Deserialize<'de> for FiscalCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        FiscalCode::parse(&raw).map_err(serde::de::Error::custom)
    }
}
