//! The one API error. Every failure a client can see is one of these categories,
//! rendered as `application/problem+json` (RFC 9457) in the caller's language.

use actix_web::http::{header, Method, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::i18n::{Lang, Text};

pub use crate::platform::validation::FieldError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// The body is not well-formed JSON (or not UTF-8).
    #[error("malformed request body: {0:?}")]
    MalformedBody(Text),
    /// Well-formed input whose fields break the rules; every failing field is named.
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    /// A query string parameter is missing or malformed.
    #[error("invalid query parameters: {0:?}")]
    InvalidQuery(Vec<FieldError>),
    #[error("not found")]
    NotFound,
    /// Nothing to show, for a reason the caller can act on (another date, another choice);
    /// `code` says which. Never used where the answer must not tell things apart.
    #[error("not found: {code}")]
    NotFoundBecause { code: &'static str, detail: Text },
    #[error("method not allowed")]
    MethodNotAllowed { allow: Vec<Method> },
    #[error("payload too large (limit {limit} bytes)")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Not (or no longer) authenticated; `code` says why (`unauthorized` when no valid
    /// token came, a feature's own code for failed credentials).
    #[error("not authenticated: {code}")]
    Unauthorized { code: &'static str, detail: Text },
    /// Authenticated, and refused; `code` says why.
    #[error("forbidden: {code}")]
    Forbidden { code: &'static str, detail: Text },
    /// The request clashes with the state of a resource (a duplicate, a used stamp).
    #[error("conflict: {code}")]
    Conflict { code: &'static str, detail: Text },
    /// Well-formed, valid fields that the rules refuse as a whole (a certificate the
    /// person is not eligible for, an idempotency key reused for another request).
    #[error("unprocessable: {code}")]
    Unprocessable { code: &'static str, detail: Text },
    #[error("too many requests; retry after {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// Something broke on our side; the cause goes to the log, never to the client.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        ApiError::Internal(cause.to_string())
    }

    pub fn unauthorized(code: &'static str, it: &str, en: &str) -> ApiError {
        ApiError::Unauthorized {
            code,
            detail: Text::new(it, en),
        }
    }

    pub fn forbidden(code: &'static str, it: &str, en: &str) -> ApiError {
        ApiError::Forbidden {
            code,
            detail: Text::new(it, en),
        }
    }

    pub fn not_found_because(code: &'static str, detail: Text) -> ApiError {
        ApiError::NotFoundBecause { code, detail }
    }

    pub fn conflict(code: &'static str, it: &str, en: &str) -> ApiError {
        ApiError::Conflict {
            code,
            detail: Text::new(it, en),
        }
    }

    pub fn unprocessable(code: &'static str, detail: Text) -> ApiError {
        ApiError::Unprocessable { code, detail }
    }

    /// Stable snake_case code, part of the contract: clients may switch on it.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::MalformedBody(_) => "malformed_body",
            ApiError::Validation(_) => "validation_failed",
            ApiError::InvalidQuery(_) => "invalid_query",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed { .. } => "method_not_allowed",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::Unauthorized { code, .. } | ApiError::Forbidden { code, .. } => code,
            ApiError::Conflict { code, .. } | ApiError::NotFoundBecause { code, .. } => code,
            ApiError::Unprocessable { code, .. } => code,
            ApiError::TooManyRequests { .. } => "too_many_requests",
            ApiError::Unavailable(_) => "service_unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> Text {
        match self {
            ApiError::MalformedBody(_) => Text::new("Richiesta non leggibile", "Malformed request"),
            ApiError::Validation(_) => Text::new("Dati non validi", "Invalid data"),
            ApiError::InvalidQuery(_) => Text::new(
                "Parametri della richiesta non validi",
                "Invalid query parameters",
            ),
            ApiError::NotFound | ApiError::NotFoundBecause { .. } => {
                Text::new("Risorsa non trovata", "Not found")
            }
            ApiError::MethodNotAllowed { .. } => {
                Text::new("Metodo non consentito", "Method not allowed")
            }
            ApiError::PayloadTooLarge { .. } => {
                Text::new("Richiesta troppo grande", "Payload too large")
            }
            ApiError::UnsupportedMediaType => {
                Text::new("Formato non supportato", "Unsupported media type")
            }
            ApiError::Unauthorized { .. } => {
                Text::new("Autenticazione richiesta", "Authentication required")
            }
            ApiError::Forbidden { .. } => Text::new("Operazione non consentita", "Forbidden"),
            ApiError::Conflict { .. } => Text::new("Conflitto con lo stato attuale", "Conflict"),
            ApiError::Unprocessable { .. } => {
                Text::new("Richiesta non accoglibile", "Request cannot be granted")
            }
            ApiError::TooManyRequests { .. } => Text::new("Troppe richieste", "Too many requests"),
            ApiError::Unavailable(_) => Text::new(
                "Servizio temporaneamente non disponibile",
                "Service unavailable",
            ),
            ApiError::Internal(_) => Text::new("Errore interno", "Internal error"),
        }
    }

    fn detail(&self) -> Text {
        match self {
            ApiError::MalformedBody(reason) => reason.clone(),
            ApiError::Validation(errors) | ApiError::InvalidQuery(errors) => {
                let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
                let list = fields.join(", ");
                Text::new(
                    format!("Controllare i campi: {list}."),
                    format!("Please check these fields: {list}."),
                )
            }
            ApiError::NotFound => Text::new(
                "La risorsa richiesta non esiste.",
                "The requested resource does not exist.",
            ),
            ApiError::MethodNotAllowed { allow } => {
                let list = allow.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
                Text::new(
                    format!("Metodo non consentito su questo indirizzo; consentiti: {list}."),
                    format!("This method is not allowed here; allowed: {list}."),
                )
            }
            ApiError::PayloadTooLarge { limit } => Text::new(
                format!("Il corpo della richiesta supera il limite di {limit} byte."),
                format!("The request body exceeds the limit of {limit} bytes."),
            ),
            ApiError::UnsupportedMediaType => Text::new(
                "Il corpo della richiesta deve essere in formato JSON (Content-Type: application/json).",
                "The request body must be JSON (Content-Type: application/json).",
            ),
            ApiError::Conflict { detail, .. }
            | ApiError::NotFoundBecause { detail, .. }
            | ApiError::Unprocessable { detail, .. }
            | ApiError::Unauthorized { detail, .. }
            | ApiError::Forbidden { detail, .. } => detail.clone(),
            ApiError::TooManyRequests { retry_after_secs } => {
                match retry_after_secs.div_ceil(60).max(1) {
                    1 => Text::new(
                        "Troppi tentativi: riprovare tra un minuto.",
                        "Too many attempts: try again in a minute.",
                    ),
                    minutes => Text::new(
                        format!("Troppi tentativi: riprovare tra {minutes} minuti."),
                        format!("Too many attempts: try again in {minutes} minutes."),
                    ),
                }
            }
            ApiError::Unavailable(_) => Text::new(
                "Il servizio non è al momento disponibile. Riprovare più tardi.",
                "The service is currently unavailable. Please try again later.",
            ),
            ApiError::Internal(_) => Text::new(
                "Si è verificato un errore imprevisto. Se il problema persiste, comunicare all'ufficio il codice della richiesta.",
                "An unexpected error occurred. If it persists, give the office the request id.",
            ),
        }
    }

    fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Validation(errors) | ApiError::InvalidQuery(errors) => errors,
            _ => &[],
        }
    }

    /// The problem document in the caller's language, carrying the request id.
    pub fn to_problem(&self, lang: Lang, request_id: Option<&str>) -> Problem {
        let errors: Vec<ProblemField> = self
            .field_errors()
            .iter()
            .map(|e| ProblemField {
                field: e.field.clone(),
                message: e.message.get(lang).to_owned(),
            })
            .collect();
        Problem {
            problem_type: format!("urn:problem-type:portale:{}", self.code()),
            title: self.title().get(lang).to_owned(),
            status: self.status_code().as_u16(),
            detail: self.detail().get(lang).to_owned(),
            code: self.code().to_owned(),
            request_id: request_id.map(str::to_owned),
            errors: (!errors.is_empty()).then_some(errors),
        }
    }

    pub fn render(&self, lang: Lang, request_id: Option<&str>) -> HttpResponse {
        let mut response = HttpResponse::build(self.status_code());
        response
            .content_type("application/problem+json")
            .insert_header((header::CONTENT_LANGUAGE, lang.code()));
        match self {
            ApiError::MethodNotAllowed { allow } => {
                let list = allow
                    .iter()
                    .map(Method::as_str)
                    .collect::<Vec<_>>()
                    .join(", ");
                response.insert_header((header::ALLOW, list));
            }
            ApiError::Unauthorized { .. } => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::TooManyRequests { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            _ => {}
        }
        response.json(self.to_problem(lang, request_id))
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::MalformedBody(_) | ApiError::InvalidQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::Validation(_) | ApiError::Unprocessable { .. } => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::NotFound | ApiError::NotFoundBecause { .. } => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Rendered again by the `observe` middleware with the request's language and id;
    /// this default only serves errors raised outside a request.
    fn error_response(&self) -> HttpResponse {
        self.render(Lang::default(), None)
    }
}

impl From<crate::platform::throttle::Throttled> for ApiError {
    fn from(throttled: crate::platform::throttle::Throttled) -> ApiError {
        ApiError::TooManyRequests {
            retry_after_secs: throttled.retry_after_secs,
        }
    }
}

impl From<crate::platform::throttle::ThrottleError> for ApiError {
    fn from(error: crate::platform::throttle::ThrottleError) -> ApiError {
        match error {
            crate::platform::throttle::ThrottleError::Throttled(throttled) => throttled.into(),
            crate::platform::throttle::ThrottleError::Db(db) => db.into(),
        }
    }
}

impl From<crate::platform::creation::CreationError> for ApiError {
    fn from(error: crate::platform::creation::CreationError) -> ApiError {
        match error {
            crate::platform::creation::CreationError::KeyReused => ApiError::unprocessable(
                "idempotency_key_reused",
                Text::new(
                    "La chiave di idempotenza è già stata usata per una richiesta diversa.",
                    "The idempotency key was already used for a different request.",
                ),
            ),
            crate::platform::creation::CreationError::Vanished => ApiError::internal(error),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> ApiError {
        ApiError::from(crate::platform::db::DbError::from(error))
    }
}

impl From<crate::platform::db::DbError> for ApiError {
    fn from(error: crate::platform::db::DbError) -> ApiError {
        match error {
            crate::platform::db::DbError::Query(diesel::result::Error::NotFound) => {
                ApiError::NotFound
            }
            other => ApiError::internal(other),
        }
    }
}

/// RFC 9457 problem details, with the request id and, for validation, the failing fields.
#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:problem-type:portale:validation_failed",
    "title": "Dati non validi",
    "status": 422,
    "detail": "Controllare i campi: fiscal_code.",
    "code": "validation_failed",
    "request_id": "0193a4c2-7d1e-7c4e-9a7b-2f0c1d9e8a11",
    "errors": [{"field": "fiscal_code", "message": "Campo obbligatorio mancante."}]
}))]
pub struct Problem {
    /// A URI naming the kind of problem; stable per `code`.
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable snake_case code of the problem.
    pub code: String,
    /// The id of the request, also in the `X-Request-Id` header and in the server log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemField>>,
}

#[derive(Debug, Serialize, serde::Deserialize, ToSchema)]
pub struct ProblemField {
    /// JSON path of the field (or query parameter name).
    pub field: String,
    pub message: String,
}
