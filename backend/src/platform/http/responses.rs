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

/// Adds to every operation the answers its extractors give before the handler runs,
/// so that no annotation can forget them: a JSON body may be malformed (400), too
/// large (413) or of another media type (415); query parameters may be malformed (400).
/// An operation's own declaration of the same status wins.
pub struct ExtractorResponses;

impl utoipa::Modify for ExtractorResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{Ref, RefOr};
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
                &mut item.head,
            ];
            for operation in operations.into_iter().flatten() {
                let json_body = operation.request_body.as_ref().is_some_and(|body| {
                    body.content
                        .keys()
                        .any(|media| media == "application/json" || media.ends_with("+json"))
                });
                let query = operation
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| matches!(p.parameter_in, ParameterIn::Query));
                let mut add = |status: &str, response: &str| {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(response)));
                };
                if json_body {
                    add("400", "BadRequest");
                    add("413", "PayloadTooLarge");
                    add("415", "UnsupportedMediaType");
                }
                if query {
                    add("400", "BadRequest");
                }
            }
        }
    }
}
