//! User names of the staff: 3 to 32 characters among lower-case ASCII letters, digits,
//! dot, dash and underscore, so that they read the same in every log, e-mail and shell.

/// Why a user name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsernameProblem {
    TooShort,
    TooLong,
    ForbiddenCharacter,
}

pub const MIN_LENGTH: usize = 3;
pub const MAX_LENGTH: usize = 32;

pub fn check_username(username: &str) -> Result<(), UsernameProblem> {
    let allowed =
        |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_');
    if !username.chars().all(allowed) {
        return Err(UsernameProblem::ForbiddenCharacter);
    }
    if username.len() < MIN_LENGTH {
        return Err(UsernameProblem::TooShort);
    }
    if username.len() > MAX_LENGTH {
        return Err(UsernameProblem::TooLong);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_usual_office_names() {
        for name in ["m.rossi", "rossi_mario", "op-01", "abc", &"a".repeat(32)] {
            assert_eq!(check_username(name), Ok(()), "{name}");
        }
    }

    #[test]
    fn refuses_length_and_characters_outside_the_rules() {
        assert_eq!(check_username("ab"), Err(UsernameProblem::TooShort));
        assert_eq!(check_username(""), Err(UsernameProblem::TooShort));
        assert_eq!(
            check_username(&"a".repeat(33)),
            Err(UsernameProblem::TooLong)
        );
        for name in ["Rossi", "m rossi", "rossì", "m@rossi", "ro/ssi"] {
            assert_eq!(
                check_username(name),
                Err(UsernameProblem::ForbiddenCharacter),
                "{name}"
            );
        }
    }
}
