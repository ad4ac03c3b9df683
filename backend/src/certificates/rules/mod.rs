//! Certificates (certificati anagrafici): which types and usages exist, who may have
//! which certificate, how the stamp duty is settled, and the Italian text each
//! certificate prints. Pure rules: the persistence layer fills [`SubjectFacts`], the
//! PDF layer prints [`CertificateText`].

pub mod eligibility;
pub mod search;
pub mod stamp;
pub mod status;
pub mod types;
pub mod usages;
pub mod wording;

use chrono::{Months, NaiveDate};

pub use crate::registry::facts::{FamilyMemberFacts, PersonName, SubjectFacts, UnionFacts};
pub use eligibility::{check as check_eligibility, Ineligible, Requirement};
pub use stamp::{
    check_request, CheckedUsage, Stamp, StampId, StampInput, UsageError, UsageRequest,
};
pub use types::{CertificateGroup, CertificateType};
pub use usages::Usage;
pub use wording::{compose, CertificateText, Paragraph, Run, Table};

/// Art. 41 D.P.R. 445/2000: certificates about facts that can change are valid six
/// months from the day of issue. A certificate issued on 31 August is valid until
/// 28 (or 29) February: chrono clamps to the last day of the shorter month.
pub fn valid_until(issue_date: NaiveDate) -> NaiveDate {
    issue_date
        .checked_add_months(Months::new(6))
        .unwrap_or(NaiveDate::MAX)
}

pub use crate::document::printable::format_date;

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn valid_for_six_calendar_months() {
        assert_eq!(valid_until(date(2026, 1, 15)), date(2026, 7, 15));
        assert_eq!(valid_until(date(2026, 11, 12)), date(2027, 5, 12));
    }

    #[test]
    fn end_of_month_is_clamped() {
        assert_eq!(valid_until(date(2026, 8, 31)), date(2027, 2, 28));
        assert_eq!(valid_until(date(2027, 8, 31)), date(2028, 2, 29));
        assert_eq!(valid_until(date(2026, 12, 31)), date(2027, 6, 30));
    }

    #[test]
    fn dates_print_day_first() {
        assert_eq!(format_date(date(1980, 3, 2)), "02/03/1980");
    }
}
