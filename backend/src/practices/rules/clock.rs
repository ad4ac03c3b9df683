//! The legal clock of a residence declaration: registration within 2 working days,
//! the checks within 45 days of the declaration (art. 18 D.P.R. 223/1989, art. 5 DL
//! 5/2012).

use chrono::{Duration, NaiveDate};

use super::lifecycle::State;
use crate::platform::italian_calendar::{add_working_days, PatronDay};

pub const REGISTRATION_WORKING_DAYS: u32 = 2;
pub const DECISION_DAYS: i64 = 45;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub registration_due: NaiveDate,
    pub decision_due: NaiveDate,
}

pub fn deadlines(declared_on: NaiveDate, patron: Option<PatronDay>) -> Deadlines {
    Deadlines {
        registration_due: add_working_days(declared_on, REGISTRATION_WORKING_DAYS, patron),
        decision_due: declared_on + Duration::days(DECISION_DAYS),
    }
}

/// Registration is overdue after its day while the office has not registered.
pub fn registration_overdue(state: State, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    matches!(
        state,
        State::Submitted | State::InProgress | State::Integrated
    ) && due.is_some_and(|d| today > d)
}

pub fn decision_overdue(state: State, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    state.is_open() && due.is_some_and(|d| today > d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_declaration_of_friday_is_registered_by_tuesday_and_decided_in_45_days() {
        let due = deadlines(day(2026, 12, 4), None);
        // Monday 7, then Tuesday 8 is the Immacolata: Wednesday 9.
        assert_eq!(due.registration_due, day(2026, 12, 9));
        assert_eq!(due.decision_due, day(2027, 1, 18));
    }

    #[test]
    fn overdue_only_while_the_office_still_owes_the_step() {
        let due = Some(day(2026, 12, 9));
        assert!(!registration_overdue(
            State::Submitted,
            due,
            day(2026, 12, 9)
        ));
        assert!(registration_overdue(
            State::Submitted,
            due,
            day(2026, 12, 10)
        ));
        assert!(!registration_overdue(
            State::Registered,
            due,
            day(2026, 12, 10)
        ));
        assert!(decision_overdue(State::Registered, due, day(2026, 12, 10)));
        assert!(!decision_overdue(State::Approved, due, day(2026, 12, 10)));
    }
}
