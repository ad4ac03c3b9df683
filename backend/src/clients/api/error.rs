//! The one place where the clients feature's errors become HTTP answers.

use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clients::error::TokenError;
use crate::clients::Error;
use crate::platform::http::error::ApiError;
use crate::platform::i18n::Text;

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        match error {
            Error::Invalid(fields) => ApiError::Validation(fields),
            Error::NotFound => ApiError::NotFound,
            Error::AlreadyRevoked => ApiError::Conflict {
                code: "client_revoked",
                detail: Text::new(
                    "L'applicazione è già stata revocata: per riattivarla occorre registrarla di nuovo.",
                    "The application has already been revoked: register it again to bring it back.",
                ),
            },
            Error::UsesKeys => ApiError::Conflict {
                code: "client_uses_keys",
                detail: Text::new(
                    "L'applicazione si autentica con le proprie chiavi pubbliche: aggiornare le chiavi anziché il segreto.",
                    "The application authenticates with its public keys: replace the keys, not the secret.",
                ),
            },
            Error::UsesSecret => ApiError::Conflict {
                code: "client_uses_secret",
                detail: Text::new(
                    "L'applicazione si autentica con un segreto: rinnovare il segreto anziché le chiavi.",
                    "The application authenticates with a secret: renew the secret, not the keys.",
                ),
            },
            Error::Db(db) => db.into(),
        }
    }
}

/// An error of the token endpoint: a problem (RFC 9457, as the Italian guidelines want
/// every error) that also carries RFC 6749 §5.2's `error` and `error_description`, which
/// OAuth clients read.
#[derive(Serialize, ToSchema)]
pub struct OAuthError {
    #[serde(rename = "type")]
    #[schema(example = "about:blank")]
    pub problem_type: String,
    pub title: String,
    #[schema(example = 401)]
    pub status: u16,
    pub detail: String,
    /// The same as `error`.
    pub code: String,
    /// `invalid_request`, `invalid_client`, `unsupported_grant_type`, `invalid_scope` or
    /// `server_error`.
    #[schema(example = "invalid_client")]
    pub error: String,
    pub error_description: String,
}

pub fn token_error_response(error: &TokenError) -> HttpResponse {
    let description = match error {
        TokenError::InvalidRequest(why) => format!("malformed request: {why}"),
        TokenError::InvalidClient => {
            "unknown or revoked client, wrong secret, or an address the client may not call from"
                .to_owned()
        }
        TokenError::UnsupportedGrantType => {
            "only grant_type=client_credentials is supported".to_owned()
        }
        TokenError::InvalidScope(scope) => format!("scope not granted to this client: {scope}"),
        TokenError::Server(_) => "the server could not issue the token".to_owned(),
    };
    let status: u16 = match error {
        TokenError::InvalidClient => 401,
        TokenError::Server(_) => 500,
        _ => 400,
    };
    let body = OAuthError {
        problem_type: "about:blank".to_owned(),
        title: match status {
            401 => "Unauthorized",
            500 => "Internal Server Error",
            _ => "Bad Request",
        }
        .to_owned(),
        status,
        detail: description.clone(),
        code: error.code().to_owned(),
        error: error.code().to_owned(),
        error_description: description,
    };
    let mut response = match error {
        TokenError::InvalidClient => {
            let mut response = HttpResponse::Unauthorized();
            response.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"portale\""));
            response
        }
        TokenError::Server(cause) => {
            tracing::error!(%cause, "token endpoint failed");
            HttpResponse::InternalServerError()
        }
        _ => HttpResponse::BadRequest(),
    };
    response
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("application/problem+json")
        .body(serde_json::to_string(&body).unwrap_or_default())
}
