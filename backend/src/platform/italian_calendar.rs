//! Italian public holidays and working days: the legal clocks of practices count working
//! days, and the office's desks are closed on holidays.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A municipality's patron saint's day, a local holiday (month, day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatronDay {
    pub month: u32,
    pub day: u32,
}

impl PatronDay {
    /// `MM-DD`, as the settings file writes it.
    pub fn parse(text: &str) -> Option<PatronDay> {
        let (month, day) = text.trim().split_once('-')?;
        let (month, day) = (month.parse().ok()?, day.parse().ok()?);
        // 2024 is a leap year: 29 February is accepted.
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(PatronDay { month, day })
    }
}

/// Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// The national public holidays (L. 260/1949 and later laws), Easter Monday included.
pub fn is_national_holiday(date: NaiveDate) -> bool {
    let fixed = [
        (1, 1),   // Capodanno
        (1, 6),   // Epifania
        (4, 25),  // Festa della Liberazione
        (5, 1),   // Festa del lavoro
        (6, 2),   // Festa della Repubblica
        (8, 15),  // Assunzione
        (11, 1),  // Ognissanti
        (12, 8),  // Immacolata Concezione
        (12, 25), // Natale
        (12, 26), // Santo Stefano
    ];
    let (month, day) = (date.month(), date.day());
    if fixed.contains(&(month, day)) {
        return true;
    }
    // San Francesco d'Assisi and Santa Caterina da Siena, a national holiday again from
    // 2026 (L. 151/2025).
    if (month, day) == (10, 4) && date.year() >= 2026 {
        return true;
    }
    let easter = easter_sunday(date.year());
    date == easter || date == easter + Duration::days(1)
}

pub fn is_holiday(date: NaiveDate, patron: Option<PatronDay>) -> bool {
    is_national_holiday(date)
        || patron.is_some_and(|p| (p.month, p.day) == (date.month(), date.day()))
}

/// Monday to Friday and not a holiday: the office's working days.
pub fn is_working_day(date: NaiveDate, patron: Option<PatronDay>) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(date, patron)
}

/// The day `days` working days after `from` (a term of "within N working days" of an act
/// done on `from` ends that day).
pub fn add_working_days(from: NaiveDate, days: u32, patron: Option<PatronDay>) -> NaiveDate {
    let mut date = from;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date, patron) {
            left -= 1;
        }
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn easter_is_right_for_known_years() {
        assert_eq!(easter_sunday(2024), day(2024, 3, 31));
        assert_eq!(easter_sunday(2025), day(2025, 4, 20));
        assert_eq!(easter_sunday(2026), day(2026, 4, 5));
        assert_eq!(easter_sunday(2027), day(2027, 3, 28));
        assert_eq!(easter_sunday(2038), day(2038, 4, 25));
    }

    #[test]
    fn easter_monday_and_fixed_holidays_are_holidays() {
        assert!(is_national_holiday(day(2026, 4, 6)));
        assert!(is_national_holiday(day(2026, 6, 2)));
        assert!(is_national_holiday(day(2026, 12, 8)));
        assert!(is_national_holiday(day(2026, 10, 4)));
        assert!(!is_national_holiday(day(2025, 10, 4)));
        assert!(!is_national_holiday(day(2026, 4, 7)));
    }

    #[test]
    fn working_days_skip_weekends_holidays_and_the_patron() {
        // Friday 24 April 2026 + 2 working days: Saturday, Sunday, the 25th are skipped.
        assert_eq!(
            add_working_days(day(2026, 4, 24), 2, None),
            day(2026, 4, 28)
        );
        // Thursday 3 April 2026: Friday 3rd… Easter Monday the 6th is skipped.
        assert_eq!(add_working_days(day(2026, 4, 2), 2, None), day(2026, 4, 7));
        // Christmas week: Thursday 24 December 2026 → Monday 28, Tuesday 29.
        assert_eq!(
            add_working_days(day(2026, 12, 24), 2, None),
            day(2026, 12, 29)
        );
        let patron = PatronDay::parse("12-28");
        assert_eq!(
            add_working_days(day(2026, 12, 24), 2, patron),
            day(2026, 12, 30)
        );
        // Saturday counts from the next working day.
        assert_eq!(
            add_working_days(day(2026, 12, 5), 2, None),
            day(2026, 12, 9)
        );
    }

    #[test]
    fn patron_days_parse_only_real_dates() {
        assert_eq!(
            PatronDay::parse("06-24"),
            Some(PatronDay { month: 6, day: 24 })
        );
        assert_eq!(
            PatronDay::parse("02-29"),
            Some(PatronDay { month: 2, day: 29 })
        );
        assert_eq!(PatronDay::parse("02-30"), None);
        assert_eq!(PatronDay::parse("24 giugno"), None);
    }
}
