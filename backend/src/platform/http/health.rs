//! Liveness, readiness and Prometheus figures, for orchestrators and monitoring.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::connection::SimpleConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::platform::http::client;
use crate::platform::http::error::ApiError;
use crate::platform::http::metrics_access::{self, MetricsPolicy, MetricsRefusal};
use crate::platform::http::AppState;
use crate::platform::metrics::Metrics;

#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
    #[schema(example = "0.1.0")]
    pub version: &'static str,
}

/// Ready or not, and nothing more: an unauthenticated caller learns nothing about how
/// the portal is built.
#[derive(Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ready")]
    pub status: &'static str,
}

/// Liveness: the process answers. Does not touch the database.
#[utoipa::path(tag = "operations", responses((status = 200, body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// Readiness: the database answers a query.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, body = Readiness),
        (status = 503, description = "The database does not answer", body = crate::platform::http::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<web::Json<Readiness>, ApiError> {
    state
        .db
        .run(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(crate::platform::db::DbError::from)
        })
        .await
        .map_err(|e| ApiError::Unavailable(e.to_string()))?;
    Ok(web::Json(Readiness { status: "ready" }))
}

/// The API's status as the Italian interoperability guidelines ask for it: a
/// problem+json object with `status` 200 while the API (and its database) work.
///
/// An unauthenticated caller learns only whether the service is available.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "The API is available", body = crate::platform::http::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "The API is not available now", body = crate::platform::http::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/status")]
pub async fn status(state: web::Data<AppState>) -> HttpResponse {
    let available = state
        .db
        .run(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(crate::platform::db::DbError::from)
        })
        .await
        .is_ok();
    let (code, title, detail) = if available {
        (
            200,
            "OK",
            "Il servizio è disponibile. / The service is available.",
        )
    } else {
        (
            503,
            "Service Unavailable",
            "Il servizio non è disponibile al momento. / The service is not available now.",
        )
    };
    let body = crate::platform::http::error::Problem {
        problem_type: "about:blank".to_owned(),
        title: title.to_owned(),
        status: code,
        detail: detail.to_owned(),
        code: if available { "ok" } else { "unavailable" }.to_owned(),
        request_id: None,
        errors: None,
    };
    let status =
        actix_web::http::StatusCode::from_u16(code).unwrap_or(actix_web::http::StatusCode::OK);
    HttpResponse::build(status)
        .content_type("application/problem+json")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(body)
}

/// Prometheus text exposition: request counts and latency by route and status, mail
/// deliveries, certificate issuing times.
///
/// For the monitoring server only: it sends the token configured as `PORTALE_METRICS_TOKEN` (`Authorization: Bearer …`), or calls
/// from an address in `PORTALE_METRICS_ALLOWED_IPS`; with neither configured, only
/// loopback clients (127.0.0.0/8, ::1) are answered.
#[utoipa::path(
    tag = "operations",
    security((), ("metrics_token" = [])),
    responses(
        (status = 200, description = "Prometheus text format", body = String, content_type = "text/plain; version=0.0.4"),
        (status = 401, description = "A token is configured and the request did not present it (`WWW-Authenticate: Bearer`)", body = crate::platform::http::error::Problem, content_type = "application/problem+json"),
        (status = 403, description = "No token is configured and the client's address is not allowed", body = crate::platform::http::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
pub async fn metrics(
    req: HttpRequest,
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
) -> Result<HttpResponse, ApiError> {
    let settings = &state.settings;
    let policy = MetricsPolicy {
        token: settings.metrics_token.as_ref(),
        allowed: &settings.metrics_allowed_ips,
    };
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(metrics_access::bearer);
    policy
        .admits(bearer, client::access_origin(&req))
        .map_err(|refusal| match refusal {
            MetricsRefusal::TokenRequired => ApiError::unauthorized(
                "metrics_token_required",
                "Le metriche sono riservate al sistema di monitoraggio: occorre il token configurato (Authorization: Bearer).",
                "Metrics are for the monitoring server: send the configured token (Authorization: Bearer).",
            ),
            MetricsRefusal::AddressNotAllowed => ApiError::forbidden(
                "metrics_address_not_allowed",
                "Le metriche sono riservate al sistema di monitoraggio: questo indirizzo non è autorizzato a leggerle.",
                "Metrics are for the monitoring server: this address may not read them.",
            ),
        })?;
    let text = metrics.render().map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text))
}
