//! Sex, birth date and birthplace read back from a code.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;

use super::{FiscalCode, FiscalCodeError, Sex, FEMALE_DAY_OFFSET, MONTH_LETTERS};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DecodedFiscalCode {
    pub sex: Sex,
    pub birth_date: NaiveDate,
    /// Belfiore code with omocodia letters restored to digits, e.g. `H501`.
    #[schema(example = "H501")]
    pub birth_place_code: String,
    pub omocodia_level: u8,
}

impl FiscalCode {
    /// The code holds only two digits of the year: the birth date is taken as
    /// the most recent one not after `reference_date` (usually today), so
    /// people aged 100 or more decode as born a century later.
    pub fn decode(&self, reference_date: NaiveDate) -> Result<DecodedFiscalCode, FiscalCodeError> {
        let base = self.without_omocodia();
        let bytes = base.0.as_bytes();
        let year_in_century = i32::from(digit(bytes[6]) * 10 + digit(bytes[7]));
        // An unknown letter cannot reach here (parse checks it); month 0 is
        // rejected by the calendar below anyway.
        let month = MONTH_LETTERS
            .iter()
            .position(|&letter| letter == bytes[8])
            .map_or(0, |index| index as u32 + 1);
        let day_field = digit(bytes[9]) * 10 + digit(bytes[10]);
        let (sex, day) = if day_field > FEMALE_DAY_OFFSET {
            (Sex::F, day_field - FEMALE_DAY_OFFSET)
        } else {
            (Sex::M, day_field)
        };
        let birth_date = infer_birth_date(year_in_century, month, u32::from(day), reference_date)?;
        Ok(DecodedFiscalCode {
            sex,
            birth_date,
            birth_place_code: base.0[11..15].to_owned(),
            omocodia_level: self.omocodia_level(),
        })
    }
}

fn digit(byte: u8) -> u8 {
    byte - b'0'
}

/// Tries the latest year ending in `year_in_century` not after the reference
/// year, then the century before: the date may fall after the reference date
/// within the reference year, or be 29 February of a non-leap century year.
fn infer_birth_date(
    year_in_century: i32,
    month: u32,
    day: u32,
    reference_date: NaiveDate,
) -> Result<NaiveDate, FiscalCodeError> {
    let reference_year = reference_date.year();
    let latest_year = reference_year - (reference_year - year_in_century).rem_euclid(100);
    [latest_year, latest_year - 100]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .find(|date| *date <= reference_date)
        .ok_or(FiscalCodeError::InvalidDate)
}
