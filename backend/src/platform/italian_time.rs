//! The date in Italy, which a certificate carries. Italy keeps Central European Time
//! (UTC+1) and summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00
//! UTC on the last Sunday of October (EU Directive 2000/84/EC). Written out here so
//! that no time-zone database is needed for this one zone.

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MIN);
    let mut day = first_of_next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

/// Hours ahead of UTC at `at`: 2 in summer time, 1 otherwise.
pub fn offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let change = |month| {
        Utc.from_utc_datetime(
            &last_sunday(year, month)
                .and_hms_opt(1, 0, 0)
                .unwrap_or_default(),
        )
    };
    if at >= change(3) && at < change(10) {
        2
    } else {
        1
    }
}

/// The Italian local date-time at `at`.
pub fn local(at: DateTime<Utc>) -> chrono::NaiveDateTime {
    at.naive_utc() + Duration::hours(offset_hours(at))
}

/// The instant of an Italian local date-time. Office hours never fall in the hour the
/// clocks skip or repeat (02:00-03:00 at night), where the earlier reading is taken.
pub fn from_local(local: chrono::NaiveDateTime) -> DateTime<Utc> {
    let summer = Utc.from_utc_datetime(&(local - Duration::hours(2)));
    if offset_hours(summer) == 2 {
        summer
    } else {
        Utc.from_utc_datetime(&(local - Duration::hours(1)))
    }
}

/// The date in Italy at `at`.
pub fn today(at: DateTime<Utc>) -> NaiveDate {
    local(at).date()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn winter_is_one_hour_ahead_and_summer_two() {
        assert_eq!(offset_hours(utc(2026, 1, 15, 12, 0)), 1);
        assert_eq!(offset_hours(utc(2026, 7, 15, 12, 0)), 2);
    }

    #[test]
    fn the_changes_happen_at_one_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        assert_eq!(offset_hours(utc(2026, 3, 29, 0, 59)), 1);
        assert_eq!(offset_hours(utc(2026, 3, 29, 1, 0)), 2);
        assert_eq!(offset_hours(utc(2026, 10, 25, 0, 59)), 2);
        assert_eq!(offset_hours(utc(2026, 10, 25, 1, 0)), 1);
    }

    #[test]
    fn just_before_midnight_utc_is_already_tomorrow_in_italy() {
        assert_eq!(
            today(utc(2026, 11, 30, 23, 30)),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
        assert_eq!(
            today(utc(2026, 6, 30, 22, 30)),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
        assert_eq!(
            today(utc(2026, 6, 30, 21, 30)),
            NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
        );
    }
}
