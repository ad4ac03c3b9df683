//! The password rules in force, so that forms can check them as one types with exactly the
//! rules the server will apply, and the server's verdict on a new password in words.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::AppState;
use crate::platform::i18n::Text;
use crate::platform::settings::password_policy::{PasswordPolicy, PasswordRule};

#[derive(Serialize, ToSchema)]
pub struct PasswordPolicyRules {
    #[schema(example = 8, format = Int32)]
    pub min_length: usize,
    #[schema(example = 128, format = Int32)]
    pub max_length: usize,
    #[schema(example = 2, format = Int32)]
    pub min_digits: usize,
    /// Only ASCII letters and digits: no spaces, punctuation or symbols.
    pub letters_and_digits_only: bool,
    /// Always true: a password must contain at least one letter.
    pub requires_letter: bool,
}

impl From<PasswordPolicy> for PasswordPolicyRules {
    fn from(policy: PasswordPolicy) -> PasswordPolicyRules {
        PasswordPolicyRules {
            min_length: policy.min_length,
            max_length: policy.max_length,
            min_digits: policy.min_digits,
            letters_and_digits_only: policy.letters_and_digits_only,
            requires_letter: true,
        }
    }
}

/// The password rules of this municipality (seed 000 by default: at least 8 characters,
/// at least 2 digits, letters and digits only).
#[utoipa::path(tag = "auth", responses((status = 200, body = PasswordPolicyRules)))]
#[get("/auth/password-policy")]
pub async fn get_password_policy(state: web::Data<AppState>) -> web::Json<PasswordPolicyRules> {
    web::Json(state.settings.password_policy.into())
}

/// The password policy's verdict on a new password, one message per broken rule.
pub fn check_new_password(policy: &PasswordPolicy, new_password: &str) -> Result<(), ApiError> {
    let broken = policy.check(new_password);
    if broken.is_empty() {
        return Ok(());
    }
    Err(ApiError::Validation(
        broken
            .into_iter()
            .map(|rule| FieldError::new("new_password", describe_rule(rule)))
            .collect(),
    ))
}

/// What a broken rule asks of the password, in both languages.
pub fn describe_rule(rule: PasswordRule) -> Text {
    match rule {
        PasswordRule::TooShort { min } => Text::new(
            format!("La password deve contenere almeno {min} caratteri."),
            format!("The password must have at least {min} characters."),
        ),
        PasswordRule::TooLong { max } => Text::new(
            format!("La password può contenere al massimo {max} caratteri."),
            format!("The password may have at most {max} characters."),
        ),
        PasswordRule::TooFewDigits { min: 1 } => Text::new(
            "La password deve contenere almeno una cifra.",
            "The password must contain at least one digit.",
        ),
        PasswordRule::TooFewDigits { min } => Text::new(
            format!("La password deve contenere almeno {min} cifre."),
            format!("The password must contain at least {min} digits."),
        ),
        PasswordRule::OnlyLettersAndDigits => Text::new(
            "La password può contenere solo lettere e cifre: niente spazi, segni di punteggiatura o simboli.",
            "The password may contain only letters and digits: no spaces, punctuation or symbols.",
        ),
        PasswordRule::NoLetters => Text::new(
            "La password deve contenere anche delle lettere.",
            "The password must also contain letters.",
        ),
    }
}
