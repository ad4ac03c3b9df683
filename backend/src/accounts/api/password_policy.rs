//! The password rules in force, so that forms can check them as one types with exactly the
//! rules the server will apply.

use actix_web::{get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::http::AppState;
use crate::platform::settings::password_policy::PasswordPolicy;

#[derive(Serialize, ToSchema)]
pub struct PasswordPolicyRules {
    #[schema(example = 8)]
    pub min_length: usize,
    #[schema(example = 128)]
    pub max_length: usize,
    #[schema(example = 2)]
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
