//! One middleware for what every request needs: a request id, a tracing span, a log line,
//! Prometheus figures, and errors rendered as problem+json in the caller's language.

use std::time::Instant;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage};
use tracing::Instrument;

use crate::platform::http::error::ApiError;
use crate::platform::http::extract::BodyLimit;
use crate::platform::i18n::{Lang, Text};
use crate::platform::metrics::Metrics;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The id of the current request, available to handlers as request extension.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<BoxBody>>, actix_web::Error> {
    let started = Instant::now();
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::now_v7().to_string());
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let lang = Lang::from_headers(req.headers());
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let method = req.method().clone();
    let span = tracing::info_span!("request", request_id = %request_id, method = %method, path = %req.path());

    let outcome = next.call(req).instrument(span.clone()).await;
    // The re-rendered response no longer carries the error: its cause is kept here.
    let mut cause = String::new();
    let mut response = match outcome {
        Ok(response) => match api_error_of(&response) {
            Some(error) => {
                cause = format!("{error:?}");
                let (request, _) = response.into_parts();
                ServiceResponse::new(request, error.render(lang, Some(&request_id)))
                    .map_into_right_body()
            }
            None => response.map_body(|_, body| EitherBody::left(body.boxed())),
        },
        Err(error) => {
            // An error raised before a response existed (rare: middleware, extractor setup).
            let api_error = to_api_error(&error);
            let _entered = span.enter();
            tracing::warn!(error = %error, "request failed before reaching a handler");
            return Err(actix_web::error::InternalError::from_response(
                error,
                api_error.render(lang, Some(&request_id)),
            )
            .into());
        }
    };

    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let status = response.status();
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let elapsed = started.elapsed();
    if let Some(metrics) = metrics {
        metrics.observe(method.as_str(), &route, status.as_u16(), elapsed);
    }
    let _entered = span.enter();
    if status.is_server_error() {
        if let Some(error) = response.response().error() {
            cause = format!("{error:?}");
        }
        tracing::error!(
            status = status.as_u16(),
            route,
            elapsed_ms = elapsed.as_secs_f64() * 1e3,
            cause,
            "request failed"
        );
    } else {
        tracing::info!(
            status = status.as_u16(),
            route,
            elapsed_ms = elapsed.as_secs_f64() * 1e3,
            "request completed"
        );
    }
    Ok(response)
}

fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    // Accept a caller's id (a proxy's) only when it is short and plain, so logs stay clean.
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let plain = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    plain.then(|| value.to_owned())
}

/// Every error response becomes a problem document: our own errors as they are, actix's
/// (routing, payload, path parsing) by their status.
fn api_error_of<B>(response: &ServiceResponse<B>) -> Option<ApiError> {
    let error = response.response().error()?;
    let limit = response
        .request()
        .app_data::<web::Data<BodyLimit>>()
        .map(|limit| limit.0)
        .unwrap_or_default();
    Some(match to_api_error(error) {
        ApiError::PayloadTooLarge { .. } => ApiError::PayloadTooLarge { limit },
        other => other,
    })
}

fn to_api_error(error: &actix_web::Error) -> ApiError {
    if let Some(api_error) = error.as_error::<ApiError>() {
        return api_error.clone();
    }
    let status = error.as_response_error().status_code();
    match status {
        StatusCode::NOT_FOUND => ApiError::NotFound,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge { limit: 0 },
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        s if s.is_client_error() => ApiError::MalformedBody(Text::new(
            format!("Richiesta non valida: {error}"),
            format!("Invalid request: {error}"),
        )),
        _ => ApiError::internal(error),
    }
}
