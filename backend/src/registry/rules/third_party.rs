//! Requests about a third person (seed 001 §7 "Certificazione libera"): the look-up that
//! finds the person and the certificate about them. The reason is mandatory and shown to
//! the person, so it must say something; both kinds of request draw on one quota per
//! account, so that the certificate cannot be used to go on once look-ups are refused.

use chrono::Duration;

use crate::platform::i18n::Text;
use crate::platform::throttle::rule::ThrottleRule;

/// The shortest reason accepted, in characters (after trimming).
pub const REASON_MIN_CHARS: usize = 10;
/// The longest reason accepted, in characters.
pub const REASON_MAX_CHARS: usize = 500;

/// Third-party requests (look-ups and certificates together) by one account: thirty an
/// hour, then a pause of 30 minutes, doubling up to 6 hours while it goes on.
pub const QUOTA: ThrottleRule = ThrottleRule {
    window: Duration::hours(1),
    lock_at_failure: 30,
    first_lock: Duration::minutes(30),
    max_lock: Duration::hours(6),
};

/// The throttle key of an account's third-party quota.
pub fn quota_key(account_id: &str) -> String {
    format!("third-party:{account_id}")
}

/// What is wrong with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonProblem {
    Missing,
    TooShort,
    TooLong,
    ControlCharacters,
    /// Only digits, symbols or one letter over and over: "aaaaaaaaaa", "1234567890".
    NotMeaningful,
}

impl ReasonProblem {
    pub fn message(self) -> Text {
        match self {
            ReasonProblem::Missing => Text::new(
                "Indicare il motivo della richiesta: per i dati di un'altra persona è obbligatorio.",
                "Give the reason for the request: it is required for another person's data.",
            ),
            ReasonProblem::TooShort => Text::new(
                format!("Il motivo della richiesta deve avere almeno {REASON_MIN_CHARS} caratteri."),
                format!("The reason for the request must have at least {REASON_MIN_CHARS} characters."),
            ),
            ReasonProblem::TooLong => Text::new(
                format!("Il motivo della richiesta può avere al massimo {REASON_MAX_CHARS} caratteri."),
                format!("The reason for the request can have at most {REASON_MAX_CHARS} characters."),
            ),
            ReasonProblem::ControlCharacters => Text::new(
                "Il motivo della richiesta non può contenere a capo, tabulazioni o altri caratteri di controllo.",
                "The reason for the request cannot contain line breaks, tabs or other control characters.",
            ),
            ReasonProblem::NotMeaningful => Text::new(
                "Descrivere il motivo della richiesta a parole: non bastano numeri, simboli o un solo carattere ripetuto.",
                "Describe the reason for the request in words: digits, symbols or one repeated character are not enough.",
            ),
        }
    }
}

/// The reason as it is recorded and shown to the person (trimmed), or what is wrong
/// with it: at least ten characters and at most five hundred, no control characters,
/// and words — at least two different letters, so that neither one character repeated
/// nor digits and symbols alone pass.
pub fn check_reason(raw: Option<&str>) -> Result<String, ReasonProblem> {
    let reason = raw.map(str::trim).unwrap_or_default();
    let length = reason.chars().count();
    if length == 0 {
        return Err(ReasonProblem::Missing);
    }
    if reason.chars().any(char::is_control) {
        return Err(ReasonProblem::ControlCharacters);
    }
    if length < REASON_MIN_CHARS {
        return Err(ReasonProblem::TooShort);
    }
    if length > REASON_MAX_CHARS {
        return Err(ReasonProblem::TooLong);
    }
    let mut letters = reason
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase);
    let first = letters.next();
    let varied = first.is_some_and(|first| letters.any(|c| c != first));
    if !varied {
        return Err(ReasonProblem::NotMeaningful);
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_in_words_is_kept_trimmed() {
        assert_eq!(
            check_reason(Some("  Pratica di successione ")),
            Ok("Pratica di successione".to_owned())
        );
        assert_eq!(
            check_reason(Some("Verifica eredi")),
            Ok("Verifica eredi".to_owned())
        );
        // Exactly ten characters, accents and apostrophes welcome.
        assert!(check_reason(Some("Società X1")).is_ok());
        assert!(check_reason(Some("Dell'erede")).is_ok());
    }

    #[test]
    fn missing_short_and_long_reasons_are_refused() {
        assert_eq!(check_reason(None), Err(ReasonProblem::Missing));
        assert_eq!(check_reason(Some("   ")), Err(ReasonProblem::Missing));
        assert_eq!(check_reason(Some("abc")), Err(ReasonProblem::TooShort));
        assert_eq!(
            check_reason(Some("Successio")),
            Err(ReasonProblem::TooShort)
        );
        let long = "Successione ".repeat(42);
        assert_eq!(check_reason(Some(&long)), Err(ReasonProblem::TooLong));
        let longest: String = "ab".repeat(250);
        assert!(check_reason(Some(&longest)).is_ok(), "500 is the maximum");
        assert_eq!(
            check_reason(Some(&format!("{longest}c"))),
            Err(ReasonProblem::TooLong)
        );
        assert_eq!(
            check_reason(Some("Successione\nereditaria")),
            Err(ReasonProblem::ControlCharacters)
        );
    }

    #[test]
    fn one_repeated_character_or_no_letters_is_not_a_reason() {
        for reason in [
            "aaaaaaaaaa",
            "AAAAAaaaaa",
            "a a a a a a",
            "x.x.x.x.x.x",
            "1234567890",
            "!!!!!!!!!!!!",
            "----------",
            "12/03/2024 - 1",
            "a 1234567890",
        ] {
            assert_eq!(
                check_reason(Some(reason)),
                Err(ReasonProblem::NotMeaningful),
                "{reason}"
            );
        }
    }

    #[test]
    fn every_problem_has_a_text_in_both_languages() {
        for problem in [
            ReasonProblem::Missing,
            ReasonProblem::TooShort,
            ReasonProblem::TooLong,
            ReasonProblem::ControlCharacters,
            ReasonProblem::NotMeaningful,
        ] {
            let text = problem.message();
            assert!(text.it.contains("motivo"), "{text:?}");
            assert!(text.en.contains("reason"), "{text:?}");
        }
    }

    #[test]
    fn the_quota_allows_thirty_requests_an_hour() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0)
            .map(|d| d.naive_utc())
            .unwrap_or_default();
        let mut state = None;
        for _ in 0..29 {
            state = Some(QUOTA.after_failure(state, now));
        }
        assert_eq!(ThrottleRule::locked(state.as_ref(), now), None);
        state = Some(QUOTA.after_failure(state, now));
        assert!(ThrottleRule::locked(state.as_ref(), now).is_some());
        assert_eq!(quota_key("acc-1"), "third-party:acc-1");
    }
}
