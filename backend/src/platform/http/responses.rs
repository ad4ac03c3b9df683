//! Error responses declared once and referenced from every endpoint's annotation, and
//! the one way a PDF is answered.

use utoipa::ToResponse;

use crate::platform::http::error::Problem;

macro_rules! problem_response {
    ($name:ident, $description:literal) => {
        #[derive(ToResponse)]
        #[response(description = $description, content_type = "application/problem+json")]
        #[allow(dead_code)]
        pub struct $name(Problem);
    };
}

problem_response!(BadRequest, "Malformed JSON or query parameters");
problem_response!(
    Unprocessable,
    "A field is missing, unknown, of the wrong type or breaks a rule; `errors` names it"
);
problem_response!(PayloadTooLarge, "The body exceeds the size limit");
problem_response!(UnsupportedMediaType, "The body is not JSON");
problem_response!(NotFound, "No such resource");
problem_response!(
    Unauthorized,
    "No valid access token (`WWW-Authenticate: Bearer`)"
);
problem_response!(Forbidden, "Authenticated, but not allowed: a missing permission, a password to change first, or an account not active");
problem_response!(
    Conflict,
    "Conflicts with the current state, e.g. a duplicate"
);
problem_response!(
    TooManyRequests,
    "Too many attempts; `Retry-After` says when to try again"
);

/// A PDF answer; `inline` to view it in the browser, otherwise as a download named
/// `file_name`. Never cached by shared caches: the documents are personal.
pub fn pdf(file_name: &str, pdf: Vec<u8>, inline: bool) -> actix_web::HttpResponse {
    use actix_web::http::header;
    let disposition = if inline { "inline" } else { "attachment" };
    actix_web::HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("{disposition}; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(pdf)
}
