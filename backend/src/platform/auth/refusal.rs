//! Why a caller is refused before any feature runs: no or no valid token, a password
//! that must change first, a permission the endpoint needs and the caller lacks.

use super::Permission;
use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    MissingToken,
    InvalidToken,
    PasswordChangeRequired,
    MissingPermission(Permission),
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> ApiError {
        match refusal {
            Refusal::MissingToken => ApiError::unauthorized(
                "unauthorized",
                "Per questa operazione occorre accedere al portale.",
                "You need to log in for this operation.",
            ),
            Refusal::InvalidToken => ApiError::unauthorized(
                "unauthorized",
                "La sessione non è valida o è scaduta: accedere di nuovo.",
                "The session is not valid or has expired: please log in again.",
            ),
            Refusal::PasswordChangeRequired => ApiError::forbidden(
                "password_change_required",
                "Al primo accesso occorre scegliere una nuova password.",
                "You must choose a new password at your first login.",
            ),
            Refusal::MissingPermission(permission) => ApiError::Forbidden {
                code: "forbidden",
                detail: Text::new(
                    format!(
                        "Operazione non consentita: manca il permesso «{}».",
                        permission.label().0
                    ),
                    format!(
                        "Not allowed: the permission “{}” is missing.",
                        permission.label().1
                    ),
                ),
            },
        }
    }
}
