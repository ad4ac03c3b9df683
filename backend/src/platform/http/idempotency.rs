//! `Idempotency-Key`: a client's retry of a creating request answers what the first
//! created instead of creating it twice.

use actix_web::HttpRequest;

use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::i18n::Text;

/// The header's value, checked: 1 to 200 visible ASCII characters.
pub fn key(req: &HttpRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = req.headers().get("Idempotency-Key") else {
        return Ok(None);
    };
    let key = value.to_str().unwrap_or("").trim();
    if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::Validation(vec![FieldError::new(
            "Idempotency-Key",
            Text::new(
                "Chiave di idempotenza non valida (da 1 a 200 caratteri visibili).",
                "Invalid idempotency key (1 to 200 visible characters).",
            ),
        )]));
    }
    Ok(Some(key.to_owned()))
}
