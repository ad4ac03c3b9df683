//! The office's changes to an appointment over HTTP: moving it, recording attendance.

use actix_web::{get, post, web, HttpRequest};
use chrono::{Duration, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use super::shapes::*;
use super::views;
use crate::appointments::booking::Booker;
use crate::appointments::desks;
use crate::appointments::store::appointments as appointment_store;
use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use crate::platform::italian_time::{from_local, local};

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

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AgendaQuery {
    /// The day (default: today).
    pub date: Option<NaiveDate>,
}

/// A desk's day: every slot with its appointments (the cancelled ones included), for the
/// office to print and mark.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    params(("id" = String, Path), AgendaQuery, ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Agenda),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/desks/{id}/agenda")]
pub async fn desk_agenda(
    req: HttpRequest,
    state: web::Data<AppState>,
    _user: AuthUser,
    path: web::Path<String>,
    query: Query<AgendaQuery>,
) -> Result<web::Json<Agenda>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let now = Utc::now();
    let date = super::plausible(query.0.date.unwrap_or_else(|| local(now).date()), "date")?;
    let id = path.into_inner();
    let (desk, rows) = state
        .db
        .run(move |conn| {
            let desk = desks::find(conn, &id)?;
            let start = from_local(date.and_hms_opt(0, 0, 0).unwrap_or_default()).naive_utc();
            let end = from_local(
                (date + Duration::days(1))
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default(),
            )
            .naive_utc();
            let filter = appointment_store::Filter {
                desk_id: Some(id.clone()),
                between: Some((start, end)),
                ..Default::default()
            };
            let (rows, _) = appointment_store::search(conn, &filter, 1000, 0)?;
            Ok::<_, crate::appointments::Error>((desk, rows))
        })
        .await?;
    let schedule_slots = desk.config.schedule(Vec::new(), None).slots_of(date);
    let mut slots: Vec<AgendaSlot> = schedule_slots
        .iter()
        .map(|(starts, _)| AgendaSlot {
            starts_at: views::rome(from_local(*starts).naive_utc()),
            time: starts.format("%H:%M").to_string(),
            places: desk.config.places_per_slot,
            appointments: Vec::new(),
        })
        .collect();
    for row in rows {
        let time = local(row.starts_at.and_utc()).format("%H:%M").to_string();
        let appointment = views::appointment(row, &desk, now, lang);
        match slots.iter_mut().find(|s| s.time == time) {
            Some(slot) => slot.appointments.push(appointment),
            // Booked before the hours changed: still shown, in its own row.
            None => slots.push(AgendaSlot {
                starts_at: appointment.starts_at.clone(),
                time,
                places: 0,
                appointments: vec![appointment],
            }),
        }
    }
    slots.sort_by(|a, b| a.time.cmp(&b.time));
    Ok(web::Json(Agenda {
        desk: views::desk(&desk, lang),
        date,
        slots,
    }))
}
