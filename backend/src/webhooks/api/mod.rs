//! Webhooks over HTTP: administrators (`clients.manage`, under `/admin/webhooks`) register
//! endpoints for any application, see how their deliveries went, disable them and send
//! their failed deliveries again; an application with `webhooks:manage` does the same for
//! its own under `/webhooks`. Both call the same functions here.

mod error;
pub mod own;

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::Origin;
use crate::platform::auth::{AuthUser, ClientCaller};
use crate::platform::db::DbConnection;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::webhooks::rules::{EventType, NewWebhook};
use crate::webhooks::store::{self, DeliveryRow, EventRow, WebhookRow};
use crate::webhooks::subscriptions::{self, Issued, Manager};

#[derive(Serialize, ToSchema)]
pub struct Webhook {
    #[schema(example = "wh-5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a")]
    pub id: String,
    /// The application the deliveries are for: they carry only what its scopes allow.
    pub client_id: String,
    #[schema(example = "https://protocollo.comune.example.it/webhook")]
    pub url: String,
    pub events: Vec<EventType>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
    pub last_success_at: Option<DateTime<Utc>>,
    pub last_failure_at: Option<DateTime<Utc>>,
    /// What the receiver answered, or why it could not be reached, at the last failure.
    pub last_error: Option<String>,
    /// Deliveries waiting for their first or next attempt.
    #[schema(format = Int64)]
    pub pending: i64,
    /// Deliveries that ran out of attempts; `POST …/retry` sends them again.
    #[schema(format = Int64)]
    pub failed: i64,
}

impl Webhook {
    fn from_row(row: WebhookRow, (pending, failed): (i64, i64)) -> Webhook {
        let at = |t: Option<NaiveDateTime>| t.map(|t| t.and_utc());
        Webhook {
            events: EventType::parse_list(&row.events),
            created_at: row.created_at.and_utc(),
            disabled_at: at(row.disabled_at),
            last_success_at: at(row.last_success_at),
            last_failure_at: at(row.last_failure_at),
            id: row.id,
            client_id: row.client_id,
            url: row.url,
            last_error: row.last_error,
            pending,
            failed,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct WebhookList {
    pub items: Vec<Webhook>,
}

/// The webhook and the secret its deliveries are signed with: shown this once.
#[derive(Serialize, ToSchema)]
pub struct WebhookCredentials {
    pub webhook: Webhook,
    /// HMAC-SHA256 key of the `X-Portale-Signature` header.
    #[schema(example = "whsec_5b1f0c2e9a7d4e3c8b6a1f0e2d3c4b5a69788766554433221100ffeeddccbbaa")]
    pub secret: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "client_id": "app-3f2a9c1d0b7e4a21",
    "url": "https://protocollo.comune.example.it/webhook",
    "events": ["practice.submitted", "practice.changed"]
}))]
pub struct NewWebhookRequest {
    pub client_id: String,
    /// HTTPS; plain HTTP only towards the portal's own machine.
    pub url: String,
    /// Each needs a scope of the application: `certificate.*` `certificates:verify`,
    /// `practice.*` `practices:read`.
    pub events: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookDelivery {
    pub id: String,
    /// The event's id, the same in every attempt (`X-Portale-Event-Id`).
    pub event_id: String,
    pub event_type: EventType,
    pub occurred_at: DateTime<Utc>,
    /// `pending`, `delivered` or `failed`.
    #[schema(example = "delivered")]
    pub status: String,
    #[schema(format = Int32)]
    pub attempts: i32,
    /// When the next attempt is due (pending deliveries).
    pub next_attempt_at: DateTime<Utc>,
    #[schema(format = Int32)]
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl WebhookDelivery {
    fn from_rows((delivery, event): (DeliveryRow, EventRow)) -> Option<WebhookDelivery> {
        Some(WebhookDelivery {
            event_type: EventType::parse(&event.event_type)?,
            occurred_at: event.occurred_at.and_utc(),
            id: delivery.id,
            event_id: event.id,
            status: delivery.status,
            attempts: delivery.attempts,
            next_attempt_at: delivery.next_attempt_at.and_utc(),
            last_status_code: delivery.last_status_code,
            last_error: delivery.last_error,
            delivered_at: delivery.delivered_at.map(|t| t.and_utc()),
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct WebhookDeliveryList {
    /// The latest 50, the newest first.
    pub items: Vec<WebhookDelivery>,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookRequeued {
    /// Failed deliveries due again now.
    #[schema(format = Int64)]
    pub queued: u64,
}

/// Who calls, owned so it can move to the database thread.
pub(crate) struct Caller {
    account_id: Option<String>,
    label: String,
    own_client: Option<String>,
}

impl Caller {
    fn admin(user: &AuthUser) -> Caller {
        Caller {
            account_id: Some(user.account_id.as_str().to_owned()),
            label: user.label.clone(),
            own_client: None,
        }
    }

    fn application(client: &ClientCaller) -> Caller {
        Caller {
            account_id: None,
            label: client.label(),
            own_client: Some(client.client_id.clone()),
        }
    }

    fn manager(&self) -> Manager<'_> {
        Manager {
            account_id: self.account_id.as_deref(),
            label: &self.label,
            own_client: self.own_client.as_deref(),
        }
    }
}

fn with_backlog(conn: &mut DbConnection, row: WebhookRow) -> Result<Webhook, ApiError> {
    let backlog = store::backlog(conn, &row.id)?;
    Ok(Webhook::from_row(row, backlog))
}

async fn list_for(state: &AppState, caller: Caller) -> Result<WebhookList, ApiError> {
    let items = state
        .db
        .run(move |conn| {
            store::list(conn, caller.own_client.as_deref())?
                .into_iter()
                .map(|row| with_backlog(conn, row))
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    Ok(WebhookList { items })
}

async fn register_for(
    req: &HttpRequest,
    state: &AppState,
    caller: Caller,
    new: NewWebhook,
) -> Result<HttpResponse, ApiError> {
    let origin = Origin::from_request(req);
    let credentials = state
        .db
        .run(move |conn| {
            let Issued { webhook, secret } = subscriptions::register(
                conn,
                &origin,
                &caller.manager(),
                new,
                Utc::now().naive_utc(),
            )?;
            Ok::<_, ApiError>(WebhookCredentials {
                webhook: with_backlog(conn, webhook)?,
                secret,
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(credentials))
}

async fn deliveries_for(
    state: &AppState,
    caller: Caller,
    id: String,
) -> Result<WebhookDeliveryList, ApiError> {
    let rows = state
        .db
        .run(move |conn| subscriptions::deliveries(conn, &caller.manager(), &id, 50))
        .await?;
    Ok(WebhookDeliveryList {
        items: rows
            .into_iter()
            .filter_map(WebhookDelivery::from_rows)
            .collect(),
    })
}

async fn disable_for(
    req: &HttpRequest,
    state: &AppState,
    caller: Caller,
    id: String,
) -> Result<Webhook, ApiError> {
    let origin = Origin::from_request(req);
    state
        .db
        .run(move |conn| {
            let row = subscriptions::disable(
                conn,
                &origin,
                &caller.manager(),
                &id,
                Utc::now().naive_utc(),
            )?;
            with_backlog(conn, row)
        })
        .await
}

async fn retry_for(
    req: &HttpRequest,
    state: &AppState,
    caller: Caller,
    id: String,
) -> Result<WebhookRequeued, ApiError> {
    let origin = Origin::from_request(req);
    let queued = state
        .db
        .run(move |conn| {
            subscriptions::retry_failed(
                conn,
                &origin,
                &caller.manager(),
                &id,
                Utc::now().naive_utc(),
            )
        })
        .await?;
    Ok(WebhookRequeued {
        queued: queued as u64,
    })
}

/// Every webhook, the newest first, with how its deliveries are going.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])), responses(
    (status = 200, body = WebhookList),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
))]
#[get("/admin/webhooks")]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    user: AuthUser,
) -> Result<web::Json<WebhookList>, ApiError> {
    Ok(web::Json(list_for(&state, Caller::admin(&user)).await?))
}

/// Registers an endpoint for an application's events; the signing secret is in this
/// answer only.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])), request_body = NewWebhookRequest, responses(
    (status = 201, body = WebhookCredentials),
    (status = 400, response = crate::platform::http::responses::BadRequest),
    (status = 401, response = crate::platform::http::responses::Unauthorized),
    (status = 403, response = crate::platform::http::responses::Forbidden),
    (status = 413, response = crate::platform::http::responses::PayloadTooLarge),
    (status = 415, response = crate::platform::http::responses::UnsupportedMediaType),
    (status = 422, response = crate::platform::http::responses::Unprocessable),
))]
#[post("/admin/webhooks")]
pub async fn register_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<NewWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let new = NewWebhook {
        client_id: body.client_id,
        url: body.url,
        events: body.events,
    };
    register_for(&req, &state, Caller::admin(&user), new).await
}

/// A webhook's latest deliveries, the newest first.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = WebhookDeliveryList),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    ))]
#[get("/admin/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<WebhookDeliveryList>, ApiError> {
    let list = deliveries_for(&state, Caller::admin(&user), path.into_inner()).await?;
    Ok(web::Json(list))
}

/// Stops deliveries to a webhook; those pending are not sent.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = Webhook),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    ))]
#[post("/admin/webhooks/{id}/disable")]
pub async fn disable_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Webhook>, ApiError> {
    let webhook = disable_for(&req, &state, Caller::admin(&user), path.into_inner()).await?;
    Ok(web::Json(webhook))
}

/// Sends a webhook's failed deliveries again, with fresh attempts.
#[utoipa::path(tag = "back office", security(("bearer" = ["clients.manage"])),
    params(("id" = String, Path)),
    responses(
        (status = 200, body = WebhookRequeued),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    ))]
#[post("/admin/webhooks/{id}/retry")]
pub async fn retry_webhook(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<WebhookRequeued>, ApiError> {
    let requeued = retry_for(&req, &state, Caller::admin(&user), path.into_inner()).await?;
    Ok(web::Json(requeued))
}
