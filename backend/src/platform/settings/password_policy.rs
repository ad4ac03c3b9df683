//! The password rules (seed 000): at least 8 characters, at least 2 digits, letters and
//! digits only. Configurable per municipality; the seed's rule is the default.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PasswordPolicy {
    pub min_length: usize,
    pub max_length: usize,
    pub min_digits: usize,
    /// Only ASCII letters and digits: no spaces, punctuation or symbols.
    pub letters_and_digits_only: bool,
}

impl Default for PasswordPolicy {
    fn default() -> PasswordPolicy {
        PasswordPolicy {
            min_length: 8,
            max_length: 128,
            min_digits: 2,
            letters_and_digits_only: true,
        }
    }
}

/// One broken rule, so that the message can say exactly which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    TooShort { min: usize },
    TooLong { max: usize },
    TooFewDigits { min: usize },
    OnlyLettersAndDigits,
    NoLetters,
}

impl PasswordRule {
    pub fn code(self) -> &'static str {
        match self {
            PasswordRule::TooShort { .. } => "too_short",
            PasswordRule::TooLong { .. } => "too_long",
            PasswordRule::TooFewDigits { .. } => "too_few_digits",
            PasswordRule::OnlyLettersAndDigits => "only_letters_and_digits",
            PasswordRule::NoLetters => "no_letters",
        }
    }
}

impl PasswordPolicy {
    /// Every rule the password breaks; empty when it is acceptable.
    pub fn check(&self, password: &str) -> Vec<PasswordRule> {
        let mut broken = Vec::new();
        let length = password.chars().count();
        if length < self.min_length {
            broken.push(PasswordRule::TooShort {
                min: self.min_length,
            });
        }
        if length > self.max_length {
            broken.push(PasswordRule::TooLong {
                max: self.max_length,
            });
        }
        if password.chars().filter(char::is_ascii_digit).count() < self.min_digits {
            broken.push(PasswordRule::TooFewDigits {
                min: self.min_digits,
            });
        }
        if self.letters_and_digits_only && !password.chars().all(|c| c.is_ascii_alphanumeric()) {
            broken.push(PasswordRule::OnlyLettersAndDigits);
        }
        if !password.chars().any(char::is_alphabetic) {
            broken.push(PasswordRule::NoLetters);
        }
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(password: &str) -> Vec<&'static str> {
        PasswordPolicy::default()
            .check(password)
            .into_iter()
            .map(PasswordRule::code)
            .collect()
    }

    #[test]
    fn the_seed_rule_exactly() {
        assert!(codes("Valdoria26").is_empty());
        assert!(
            codes("ab12cdef").is_empty(),
            "8 characters with 2 digits is enough"
        );
        assert_eq!(codes("ab1cdefg"), ["too_few_digits"]);
        assert_eq!(codes("ab12cde"), ["too_short"]);
        assert_eq!(codes("Valdoria 26"), ["only_letters_and_digits"]);
        assert_eq!(codes("Valdoria-26"), ["only_letters_and_digits"]);
        assert_eq!(
            codes("Valdorià26"),
            ["only_letters_and_digits"],
            "accented letters are not plain letters"
        );
        assert_eq!(codes("12345678"), ["no_letters"]);
        assert_eq!(codes(""), ["too_short", "too_few_digits", "no_letters"]);
    }

    #[test]
    fn is_configurable() {
        let relaxed = PasswordPolicy {
            min_length: 12,
            min_digits: 0,
            letters_and_digits_only: false,
            ..PasswordPolicy::default()
        };
        assert!(relaxed.check("correct horse battery").is_empty());
        assert_eq!(
            relaxed
                .check("short!")
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>(),
            ["too_short"]
        );
    }
}
