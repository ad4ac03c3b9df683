//! An application's own webhooks (`webhooks:manage`): the same operations as the back
//! office's, limited to the calling application.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::{
    deliveries_for, disable_for, list_for, register_for, retry_for, Caller, Webhook,
    WebhookCredentials, WebhookDeliveryList, WebhookList, WebhookRequeued,
};
use crate::platform::auth::ClientCaller;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::webhooks::rules::NewWebhook;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "url": "https://protocollo.comune.example.it/webhook",
    "events": ["practice.submitted", "practice.changed"]
}))]
pub struct NewOwnWebhookRequest {
    /// HTTPS; plain HTTP only towards the portal's own machine.
    pub url: String,
    /// Each needs a scope of the application: `certificate.*` `certificates:verify`,
    /// `practice.*` `practices:read`.
    pub events: Vec<String>,
}

/// The calling application's webhooks, the newest first.
#[utoipa::path(tag = "webhooks", security(("oauth2" = ["webhooks:manage"])), responses(
    (status = 200, body = WebhookList),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 429, response = crate::platform::http::responses::TooManyRequests),
))]
#[get("/webhooks")]
pub async fn list_own_webhooks(
    state: web::Data<AppState>,
    client: ClientCaller,
) -> Result<web::Json<WebhookList>, ApiError> {
    Ok(web::Json(
        list_for(&state, Caller::application(&client)).await?,
    ))
}

/// Registers an endpoint for the calling application's events; the signing secret is in
/// this answer only.
#[utoipa::path(tag = "webhooks", security(("oauth2" = ["webhooks:manage"])), request_body = NewOwnWebhookRequest, responses(
    (status = 201, body = WebhookCredentials),
    (status = 400, response = crate::platform::http::responses::BadRequest),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
    (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
    (status = 429, response = crate::platform::http::responses::TooManyRequests),
))]
#[post("/webhooks")]
pub async fn register_own_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    client: ClientCaller,
    body: Json<NewOwnWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let new = NewWebhook {
        client_id: client.client_id.clone(),
        url: body.url,
        events: body.events,
    };
    register_for(&req, &state, Caller::application(&client), new).await
}

/// The latest deliveries of one of the calling application's webhooks.
#[utoipa::path(tag = "webhooks", security(("oauth2" = ["webhooks:manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = WebhookDeliveryList),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    ))]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_own_deliveries(
    state: web::Data<AppState>,
    client: ClientCaller,
    path: web::Path<String>,
) -> Result<web::Json<WebhookDeliveryList>, ApiError> {
    let list = deliveries_for(&state, Caller::application(&client), path.into_inner()).await?;
    Ok(web::Json(list))
}

/// Stops deliveries to one of the calling application's webhooks.
#[utoipa::path(tag = "webhooks", security(("oauth2" = ["webhooks:manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Webhook),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    ))]
#[post("/webhooks/{id}/disable")]
pub async fn disable_own_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    client: ClientCaller,
    path: web::Path<String>,
) -> Result<web::Json<Webhook>, ApiError> {
    let webhook = disable_for(
        &req,
        &state,
        Caller::application(&client),
        path.into_inner(),
    )
    .await?;
    Ok(web::Json(webhook))
}

/// Sends the failed deliveries of one of the calling application's webhooks again.
#[utoipa::path(tag = "webhooks", security(("oauth2" = ["webhooks:manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = WebhookRequeued),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    ))]
#[post("/webhooks/{id}/retry")]
pub async fn retry_own_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    client: ClientCaller,
    path: web::Path<String>,
) -> Result<web::Json<WebhookRequeued>, ApiError> {
    let requeued = retry_for(
        &req,
        &state,
        Caller::application(&client),
        path.into_inner(),
    )
    .await?;
    Ok(web::Json(requeued))
}
