//! The office's changes to an appointment over HTTP: moving it, recording attendance.

use actix_web::{post, web, HttpRequest};
use chrono::Utc;

use super::shapes::*;
use super::views;
use crate::appointments::booking::Booker;
use crate::appointments::desks;
use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;

const LANGUAGE: &str = "`it` (default) or `en`";

/// Moves an appointment to another free slot of its desk; the citizen is told why.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    request_body = MoveRequest,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Appointment),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/appointments/{id}/move")]
pub async fn move_appointment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<MoveRequest>,
) -> Result<web::Json<Appointment>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let booker = Booker::of(&user);
    let settings = state.settings.clone();
    let id = path.into_inner();
    let MoveRequest { starts_at, reason } = body.0;
    let (row, desk) = state
        .db
        .run(move |conn| {
            let row = crate::appointments::office::reschedule(
                conn,
                &settings,
                &origin,
                &booker,
                &id,
                crate::appointments::office::Move {
                    starts_at,
                    reason: &reason,
                },
                Utc::now(),
            )?;
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((row, desk))
        })
        .await?;
    Ok(web::Json(views::appointment(row, &desk, Utc::now(), lang)))
}

/// Records whether the person came ("presentato" / "non presentato").
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    request_body = AttendanceRequest,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Appointment),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/appointments/{id}/attendance")]
pub async fn record_attendance(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<AttendanceRequest>,
) -> Result<web::Json<Appointment>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let booker = Booker::of(&user);
    let id = path.into_inner();
    let attended = body.0.attended;
    let (row, desk) = state
        .db
        .run(move |conn| {
            let row = crate::appointments::office::attendance(
                conn,
                &origin,
                &booker,
                &id,
                attended,
                Utc::now(),
            )?;
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((row, desk))
        })
        .await?;
    Ok(web::Json(views::appointment(row, &desk, Utc::now(), lang)))
}
