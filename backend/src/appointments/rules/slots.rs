//! The bookable slots of a desk: its weekly hours cut into slots, without holidays,
//! closures, the past and what is too near, up to the booking horizon. Pure: the desk, the
//! bookings per slot and the clock come in, the days with their free places go out.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::platform::italian_calendar::{is_holiday, PatronDay};
use crate::platform::italian_time::{from_local, local};

/// One opening range of a weekday (1 = Monday … 7 = Sunday), local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    pub weekday: u32,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// A closure from one day to another, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closure {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What the slots of a desk depend on.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub openings: Vec<Opening>,
    pub slot_minutes: u32,
    pub places: u32,
    pub closures: Vec<Closure>,
    pub patron: Option<PatronDay>,
    /// How many days ahead one may book (today is day 0).
    pub horizon_days: u32,
    /// How long before a slot booking closes.
    pub min_notice: Duration,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Local start and end.
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub starts_utc: DateTime<Utc>,
    pub free: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// No slot at all that day (holiday, closure, no hours on that weekday).
    pub closed: bool,
    pub slots: Vec<Slot>,
}

impl Day {
    pub fn free(&self) -> u32 {
        self.slots.iter().map(|s| s.free).sum()
    }
}

impl Schedule {
    pub fn is_closed(&self, date: NaiveDate) -> bool {
        is_holiday(date, self.patron)
            || self.closures.iter().any(|c| c.from <= date && date <= c.to)
    }

    /// Every slot of `date` by the weekly hours, whatever is booked.
    pub fn slots_of(&self, date: NaiveDate) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        if self.is_closed(date) || self.slot_minutes == 0 {
            return Vec::new();
        }
        let length = Duration::minutes(i64::from(self.slot_minutes));
        let mut slots = Vec::new();
        let mut openings: Vec<&Opening> = self
            .openings
            .iter()
            .filter(|o| o.weekday == date.weekday().number_from_monday())
            .collect();
        openings.sort_by_key(|o| o.opens);
        for opening in openings {
            let mut start = date.and_time(opening.opens);
            let close = date.and_time(opening.closes);
            while start + length <= close {
                slots.push((start, start + length));
                start += length;
            }
        }
        slots
    }

    /// Whether a slot may be booked at `now`: one of the day's slots, inside the
    /// horizon, not too near.
    pub fn bookable(&self, starts: NaiveDateTime, now: DateTime<Utc>) -> bool {
        self.in_time(starts, now)
            && self
                .slots_of(starts.date())
                .iter()
                .any(|(s, _)| *s == starts)
    }

    /// Inside the horizon and not too near (whether it is a slot is the caller's).
    fn in_time(&self, starts: NaiveDateTime, now: DateTime<Utc>) -> bool {
        let today = local(now).date();
        let last = today + Duration::days(i64::from(self.horizon_days));
        let date = starts.date();
        date >= today && date <= last && from_local(starts) >= now + self.min_notice
    }

    /// The days from `from` to `to` (both included) with their bookable slots; `booked`
    /// tells how many places of a slot (by its UTC start) are taken.
    pub fn availability(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        now: DateTime<Utc>,
        booked: &dyn Fn(DateTime<Utc>) -> u32,
    ) -> Vec<Day> {
        let mut days = Vec::new();
        let mut date = from;
        while date <= to {
            let all = self.slots_of(date);
            let closed = all.is_empty();
            let slots = all
                .into_iter()
                .filter(|(starts, _)| self.in_time(*starts, now))
                .map(|(starts, ends)| {
                    let starts_utc = from_local(starts);
                    Slot {
                        starts,
                        ends,
                        starts_utc,
                        free: self.places.saturating_sub(booked(starts_utc)),
                    }
                })
                .collect();
            days.push(Day {
                date,
                closed,
                slots,
            });
            date += Duration::days(1);
        }
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn desk() -> Schedule {
        let morning = |weekday| Opening {
            weekday,
            opens: time(8, 30),
            closes: time(12, 30),
        };
        let mut openings: Vec<Opening> = (1..=5).map(morning).collect();
        openings.push(Opening {
            weekday: 2,
            opens: time(14, 30),
            closes: time(17, 0),
        });
        Schedule {
            openings,
            slot_minutes: 20,
            places: 2,
            closures: vec![Closure {
                from: day(2026, 12, 28),
                to: day(2026, 12, 31),
            }],
            patron: PatronDay::parse("11-11"),
            horizon_days: 60,
            min_notice: Duration::hours(2),
        }
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn weekly_hours_are_cut_into_slots() {
        // Tuesday: 12 morning slots of 20 minutes, 7 in the afternoon (14:30-16:50).
        let slots = desk().slots_of(day(2026, 12, 15));
        assert_eq!(slots.len(), 12 + 7);
        assert_eq!(slots[0].0.time(), time(8, 30));
        assert_eq!(slots[11].1.time(), time(12, 30));
        assert_eq!(slots[18].1.time(), time(16, 50));
        assert!(desk().slots_of(day(2026, 12, 19)).is_empty(), "Saturday");
    }

    #[test]
    fn holidays_the_patron_and_closures_have_no_slots() {
        let desk = desk();
        for closed in [
            day(2026, 12, 8),
            day(2026, 12, 25),
            day(2026, 11, 11),
            day(2026, 12, 29),
            day(2027, 3, 29),
        ] {
            assert!(desk.slots_of(closed).is_empty(), "{closed}");
        }
        assert!(desk.slots_of(day(2026, 12, 9)).len() == 12);
    }

    #[test]
    fn past_too_near_and_too_far_slots_are_not_offered() {
        let desk = desk();
        // Monday 7 December 2026, 09:00 in Rome (08:00 UTC): with 2 hours of notice the first slot is 11:10.
        let now = at(2026, 12, 7, 8, 0);
        let days = desk.availability(day(2026, 12, 7), day(2026, 12, 7), now, &|_| 0);
        assert_eq!(days[0].slots[0].starts.time(), time(11, 10));
        let far = day(2026, 12, 7) + Duration::days(61);
        assert!(desk.availability(far, far, now, &|_| 0)[0].slots.is_empty());
        let past = desk.availability(day(2026, 12, 4), day(2026, 12, 4), now, &|_| 0);
        assert!(past[0].slots.is_empty());
    }

    #[test]
    fn booked_places_are_taken_off() {
        let desk = desk();
        let now = at(2026, 12, 1, 8, 0);
        let first = at(2026, 12, 9, 7, 30); // 08:30 in Rome, winter time
        let days = desk.availability(day(2026, 12, 9), day(2026, 12, 9), now, &|start| {
            if start == first {
                2
            } else {
                1
            }
        });
        assert_eq!(days[0].slots[0].free, 0);
        assert_eq!(days[0].slots[1].free, 1);
        assert_eq!(days[0].free(), 11);
    }

    #[test]
    fn summer_time_days_start_at_the_right_instant() {
        let desk = desk();
        let now = at(2026, 3, 20, 8, 0);
        // Monday 30 March 2026 is after the change of the 29th: 08:30 is 06:30 UTC.
        let days = desk.availability(day(2026, 3, 30), day(2026, 3, 30), now, &|_| 0);
        assert_eq!(days[0].slots[0].starts_utc, at(2026, 3, 30, 6, 30));
        // Friday 27 March, before the change: 07:30 UTC.
        let days = desk.availability(day(2026, 3, 27), day(2026, 3, 27), now, &|_| 0);
        assert_eq!(days[0].slots[0].starts_utc, at(2026, 3, 27, 7, 30));
    }
}
