//! When repeated login failures lock an account or a client address, and for how long.
//! Locks always expire by themselves: an attacker can slow a victim down, never shut
//! them out for good.

use chrono::{Duration, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Failures counted within this window.
    pub window: Duration,
    /// The failure in the window that brings the first lock.
    pub lock_at_failure: i32,
    pub first_lock: Duration,
    pub max_lock: Duration,
}

/// Per account: five wrong tries, then 5 minutes, doubling up to 30 minutes.
pub const PER_ACCOUNT: ThrottleRule = ThrottleRule {
    window: Duration::minutes(30),
    lock_at_failure: 5,
    first_lock: Duration::minutes(5),
    max_lock: Duration::minutes(30),
};

/// Per client address: many accounts tried from one place.
pub const PER_ADDRESS: ThrottleRule = ThrottleRule {
    window: Duration::minutes(15),
    lock_at_failure: 30,
    first_lock: Duration::minutes(15),
    max_lock: Duration::minutes(60),
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: i32,
    pub window_started_at: NaiveDateTime,
    pub locked_until: Option<NaiveDateTime>,
}

impl ThrottleRule {
    /// The state after one more failure at `now`.
    pub fn after_failure(&self, state: Option<ThrottleState>, now: NaiveDateTime) -> ThrottleState {
        let fresh = ThrottleState {
            failures: 0,
            window_started_at: now,
            locked_until: None,
        };
        let mut state = match state {
            Some(s) if now - s.window_started_at < self.window => s,
            _ => fresh,
        };
        state.failures += 1;
        let over = state.failures - self.lock_at_failure;
        if over >= 0 {
            let doublings = u32::try_from(over).unwrap_or(0).min(16);
            let lock = (self.first_lock * 2_i32.pow(doublings)).min(self.max_lock);
            state.locked_until = Some(now + lock);
            // The window restarts with each lock so the count keeps growing during an attack.
            state.window_started_at = now;
        }
        state
    }

    pub fn locked(state: Option<&ThrottleState>, now: NaiveDateTime) -> Option<NaiveDateTime> {
        state
            .and_then(|s| s.locked_until)
            .filter(|until| *until > now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + minutes * 60, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    #[test]
    fn locks_after_the_free_failures_and_doubles_up_to_the_cap() {
        let mut state = None;
        for _ in 0..4 {
            state = Some(PER_ACCOUNT.after_failure(state, at(0)));
            assert_eq!(ThrottleRule::locked(state.as_ref(), at(0)), None);
        }
        state = Some(PER_ACCOUNT.after_failure(state, at(0)));
        assert_eq!(ThrottleRule::locked(state.as_ref(), at(0)), Some(at(5)));
        state = Some(PER_ACCOUNT.after_failure(state, at(6)));
        assert_eq!(ThrottleRule::locked(state.as_ref(), at(6)), Some(at(16)));
        for _ in 0..10 {
            state = Some(PER_ACCOUNT.after_failure(state, at(20)));
        }
        assert_eq!(
            ThrottleRule::locked(state.as_ref(), at(20)),
            Some(at(50)),
            "capped at 30 minutes"
        );
    }

    #[test]
    fn locks_expire_and_old_failures_are_forgotten() {
        let mut state = None;
        for _ in 0..5 {
            state = Some(PER_ACCOUNT.after_failure(state, at(0)));
        }
        assert_eq!(ThrottleRule::locked(state.as_ref(), at(5)), None, "expired");
        let later = PER_ACCOUNT.after_failure(state, at(120));
        assert_eq!(later.failures, 1, "a new window");
        assert_eq!(later.locked_until, None);
    }
}
