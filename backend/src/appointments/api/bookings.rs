//! Appointments over HTTP: booking, the lists, one appointment, its calendar file,
//! cancelling, and the office's moves and attendance.

use std::collections::HashMap;

use actix_web::http::{header, StatusCode};
use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use super::shapes::*;
use super::views;
use crate::appointments::booking::{self, Booked, Booker, Person, Request};
use crate::appointments::desks::{self, DeskView};
use crate::appointments::rules::code;
use crate::appointments::store::appointments::{self as store, AppointmentRow};
use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::db::DbConnection;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::pagination::ListQuery;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::platform::italian_time::from_local;

const LANGUAGE: &str = "`it` (default) or `en`";

fn with_desks(
    conn: &mut DbConnection,
    rows: Vec<AppointmentRow>,
) -> Result<Vec<(AppointmentRow, DeskView)>, crate::appointments::Error> {
    let mut known: HashMap<String, DeskView> = HashMap::new();
    let mut out = Vec::new();
    for row in rows {
        let desk = match known.get(&row.desk_id) {
            Some(desk) => desk.clone(),
            None => {
                let desk = desks::find(conn, &row.desk_id)?;
                known.insert(row.desk_id.clone(), desk.clone());
                desk
            }
        };
        out.push((row, desk));
    }
    Ok(out)
}

/// Books a place: a citizen for themselves, the office for the person it names. 409
/// `slot_full` when the place went to someone else. With `Idempotency-Key` a repeat
/// answers the first booking (200).
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = [])),
    request_body = NewAppointment,
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried booking answer the first one"),
        ("Accept-Language" = Option<String>, Header, description = LANGUAGE),
    ),
    responses(
        (status = 201, body = Appointment, description = "Booked"),
        (status = 200, body = Appointment, description = "Already booked with this key"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/appointments")]
pub async fn book_appointment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<NewAppointment>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let key = crate::platform::http::idempotency::key(&req)?;
    let origin = Origin::from_request(&req);
    let booker = Booker::of(&user);
    let settings = state.settings.clone();
    let input = body.0;
    let request = Request {
        desk_id: input.desk_id,
        starts_at: input.starts_at,
        topic: input.topic,
        notes: input.notes,
        person: input.fiscal_code.map(|fiscal_code| Person {
            fiscal_code,
            surname: input.surname.unwrap_or_default(),
            name: input.name.unwrap_or_default(),
            email: input.email,
            phone: input.phone,
        }),
    };
    let (status, view) = state
        .db
        .run(move |conn| {
            let now = Utc::now();
            let (status, row) = match booking::book(
                conn,
                &settings,
                &origin,
                &booker,
                &request,
                key.as_deref(),
                now,
            )? {
                Booked::Now(row) => (StatusCode::CREATED, row),
                Booked::Before(row) => (StatusCode::OK, row),
            };
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((status, views::appointment(row, &desk, now, lang)))
        })
        .await?;
    Ok(HttpResponse::build(status)
        .insert_header((
            header::LOCATION,
            format!("/api/v1/appointments/{}", view.id),
        ))
        .json(view))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AppointmentListQuery {
    pub page: Option<i64>,
    pub per_page: Option<i64>,
    /// The office: a booking code, a codice fiscale or the start of a surname.
    #[param(example = "K7Q4M2")]
    pub q: Option<String>,
    /// The office: one desk's appointments.
    pub desk_id: Option<String>,
    /// The office: one day's appointments.
    pub date: Option<NaiveDate>,
}

/// My appointments, newest first ("I miei appuntamenti"); the office finds any by booking
/// code or codice fiscale, desk and day.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = [])),
    params(AppointmentListQuery, ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = AppointmentList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/appointments")]
pub async fn list_appointments(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<AppointmentListQuery>,
) -> Result<web::Json<AppointmentList>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let booker = Booker::of(&user);
    let query = query.0;
    let (limit, offset) = ListQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .limit_offset();
    let mut filter = store::Filter::default();
    if booker.office {
        if let Some(q) = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let name_like =
                q.chars().count() >= 2 && q.chars().all(|c| c.is_alphabetic() || " '-".contains(c));
            if code::looks_like_code(q) {
                filter.code = Some(code::normalize(q));
                filter.surname = name_like.then(|| q.to_owned());
            } else if crate::registry::rules::fiscal_code::FiscalCode::parse(q).is_ok() {
                filter.fiscal_code = Some(q.to_uppercase());
            } else if name_like {
                filter.surname = Some(q.to_owned());
            } else {
                return Err(ApiError::InvalidQuery(vec![FieldError::new(
                    "q",
                    Text::new(
                        "Indicare un codice di prenotazione (6 caratteri), un codice fiscale o almeno due lettere del cognome.",
                        "Give a booking code (6 characters), a codice fiscale or at least two letters of the surname.",
                    ),
                )]));
            }
        }
        filter.desk_id = query.desk_id;
        let date = query
            .date
            .map(|d| super::plausible(d, "date"))
            .transpose()?;
        filter.between = date.map(|date| {
            (
                from_local(date.and_hms_opt(0, 0, 0).unwrap_or_default()).naive_utc(),
                from_local(
                    (date + Duration::days(1))
                        .and_hms_opt(0, 0, 0)
                        .unwrap_or_default(),
                )
                .naive_utc(),
            )
        });
    } else {
        filter.account_id = Some(booker.account_id.as_str().to_owned());
    }
    let (items, total) = state
        .db
        .run(move |conn| {
            let (rows, total) = store::search(conn, &filter, limit, offset)?;
            Ok::<_, crate::appointments::Error>((with_desks(conn, rows)?, total))
        })
        .await?;
    let now = Utc::now();
    Ok(web::Json(AppointmentList {
        items: items
            .into_iter()
            .map(|(row, desk)| views::appointment(row, &desk, now, lang))
            .collect(),
        total,
    }))
}

/// One appointment (its person's account, or the office).
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Appointment),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/appointments/{id}")]
pub async fn get_appointment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Appointment>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let booker = Booker::of(&user);
    let id = path.into_inner();
    let (row, desk) = state
        .db
        .run(move |conn| {
            let row = booking::visible(conn, &booker, &id)?;
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((row, desk))
        })
        .await?;
    Ok(web::Json(views::appointment(row, &desk, Utc::now(), lang)))
}

/// The appointment as an iCalendar file (a request, or a cancellation once cancelled).
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, description = "iCalendar (RFC 5545)", content_type = "text/calendar", body = String),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/appointments/{id}/ics")]
pub async fn appointment_ics(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let booker = Booker::of(&user);
    let id = path.into_inner();
    let settings = state.settings.clone();
    let (code, ics) = state
        .db
        .run(move |conn| {
            let row = booking::visible(conn, &booker, &id)?;
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((
                row.code.clone(),
                crate::appointments::notices::calendar(&settings, &desk, &row),
            ))
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"appuntamento-{code}.ics\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(ics))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CancelQuery {
    /// Required from the office (told to the citizen); optional for the citizen.
    pub reason: Option<String>,
}

/// Cancels an appointment: the citizen until the desk's notice, the office at any time
/// with a reason. The place is free at once.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = [])),
    params(("id" = String, Path), CancelQuery, ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Appointment, description = "Cancelled"),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[delete("/appointments/{id}")]
pub async fn cancel_appointment(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    query: Query<CancelQuery>,
) -> Result<web::Json<Appointment>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let booker = Booker::of(&user);
    let settings = state.settings.clone();
    let id = path.into_inner();
    let reason = query.0.reason;
    let (row, desk) = state
        .db
        .run(move |conn| {
            let row = booking::cancel(
                conn,
                &settings,
                &origin,
                &booker,
                &id,
                reason.as_deref(),
                Utc::now(),
            )?;
            let desk = desks::find(conn, &row.desk_id)?;
            Ok::<_, crate::appointments::Error>((row, desk))
        })
        .await?;
    Ok(web::Json(views::appointment(row, &desk, Utc::now(), lang)))
}
