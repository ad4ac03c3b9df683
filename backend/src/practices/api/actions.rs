//! What the citizen and the office do to a practice: submit, cancel, take in charge,
//! register, ask for more, approve, reject.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::shapes::*;
use super::views;
use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use crate::practices::drafts::Caller;
use crate::practices::office::{self, Work};
use crate::practices::submission::{self, Submitted};

const LANGUAGE: &str = "`it` (default) or `en`";

/// Submits the practice ("inoltra"): it gets its protocol number and receipt; 422 names
/// every missing field and document. In `integration_requested` it sends the citizen's
/// additions back. With `Idempotency-Key` a repeat answers the first submission (200).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    request_body = SubmitRequest,
    params(
        ("id" = String, Path),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried submission answer the first one"),
        ("Accept-Language" = Option<String>, Header, description = LANGUAGE),
    ),
    responses(
        (status = 200, body = Practice, description = "Submitted (or already submitted with this key)"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices/{id}/submit")]
pub async fn submit_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<SubmitRequest>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let key = crate::platform::http::idempotency::key(&req)?;
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    let settings = state.settings.clone();
    let id = path.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let row = match submission::submit(
                conn,
                &settings,
                &origin,
                &caller,
                &id,
                submission::Sending {
                    note: body.0.note.as_deref(),
                    idempotency_key: key.as_deref(),
                },
                Utc::now(),
            )? {
                Submitted::Now(row) | Submitted::Before(row) => row,
            };
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::OK).json(view))
}

/// Cancels a draft (nothing reaches the office) or withdraws a submitted practice before
/// the decision.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[post("/practices/{id}/cancel")]
pub async fn cancel_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Practice>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    let settings = state.settings.clone();
    let id = path.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let row = submission::cancel(conn, &settings, &origin, &caller, &id)?;
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(web::Json(view))
}

enum Step {
    TakeCharge,
    RequestIntegration(String),
    Register,
    Approve(Option<String>),
    Reject(String),
}

async fn work(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: String,
    step: Step,
) -> Result<web::Json<Practice>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    let settings = state.settings.clone();
    let view = state
        .db
        .run(move |conn| {
            let work = match &step {
                Step::TakeCharge => Work::TakeCharge,
                Step::RequestIntegration(message) => Work::RequestIntegration { message },
                Step::Register => Work::Register,
                Step::Approve(note) => Work::Approve {
                    note: note.as_deref(),
                },
                Step::Reject(reason) => Work::Reject { reason },
            };
            let row = office::work(conn, &settings, &origin, &caller, &id, work, Utc::now())?;
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(web::Json(view))
}

/// Takes the practice in charge: the operator holds it, the others see who.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = ["practices.manage"])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[post("/practices/{id}/take-charge")]
pub async fn take_charge(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Practice>, ApiError> {
    work(req, state, user, path.into_inner(), Step::TakeCharge).await
}

/// Asks the citizen for documents or information; the practice reopens for additions.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = ["practices.manage"])),
    request_body = IntegrationRequest,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices/{id}/request-integration")]
pub async fn request_integration(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<IntegrationRequest>,
) -> Result<web::Json<Practice>, ApiError> {
    work(
        req,
        state,
        user,
        path.into_inner(),
        Step::RequestIntegration(body.0.message),
    )
    .await
}

/// Registers the declaration ("accolta con riserva"): the checks begin.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = ["practices.manage"])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[post("/practices/{id}/register")]
pub async fn register_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Practice>, ApiError> {
    work(req, state, user, path.into_inner(), Step::Register).await
}

/// Approves the practice ("accolta definitivamente"); for a residence the registry
/// changes in the same transaction, from the day of the declaration.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = ["practices.manage"])),
    request_body = ApprovalRequest,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices/{id}/approve")]
pub async fn approve_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<ApprovalRequest>,
) -> Result<web::Json<Practice>, ApiError> {
    work(
        req,
        state,
        user,
        path.into_inner(),
        Step::Approve(body.0.note),
    )
    .await
}

/// Rejects the practice with a reason told to the citizen; the registry does not change.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = ["practices.manage"])),
    request_body = RejectionRequest,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices/{id}/reject")]
pub async fn reject_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<RejectionRequest>,
) -> Result<web::Json<Practice>, ApiError> {
    work(
        req,
        state,
        user,
        path.into_inner(),
        Step::Reject(body.0.reason),
    )
    .await
}
