//! Desks over HTTP: the list, the office's set-up, the free slots, the day's agenda.
//! Bookings are in `bookings`.

pub mod bookings;
pub mod error;
pub mod office;
pub mod shapes;
pub mod views;

use actix_web::http::StatusCode;
use actix_web::{delete, get, post, put, web, HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDate, Utc};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::appointments::desks;
use crate::appointments::rules::desk::{DeskConfig, Hours};
use crate::appointments::store::slots;
use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::platform::auth::{AuthUser, Permission};
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::platform::italian_time::{from_local, local};
use shapes::*;

const LANGUAGE: &str = "`it` (default) or `en`";

/// Dates of the calendar this office works in (years 2000 to 2999); others are refused
/// before any arithmetic on them.
pub(crate) fn plausible(date: NaiveDate, field: &str) -> Result<NaiveDate, ApiError> {
    use chrono::Datelike;
    if (2000..=2999).contains(&date.year()) {
        Ok(date)
    } else {
        Err(ApiError::InvalidQuery(vec![FieldError::new(
            field,
            Text::new(
                "Indicare una data tra il 2000 e il 2999.",
                "Give a date between 2000 and 2999.",
            ),
        )]))
    }
}

fn config_of(input: DeskInput) -> DeskConfig {
    DeskConfig {
        name: input.name,
        area: input.area,
        location: input.location,
        topics: input.topics,
        hours: input
            .hours
            .into_iter()
            .map(|h| Hours {
                weekday: h.weekday,
                opens: h.opens,
                closes: h.closes,
            })
            .collect(),
        slot_minutes: input.slot_minutes,
        places_per_slot: input.places_per_slot,
        horizon_days: input.horizon_days,
        min_notice_hours: input.min_notice_hours,
        cancel_notice_hours: input.cancel_notice_hours,
        max_active_per_citizen: input.max_active_per_citizen,
        active: input.active,
    }
}

/// The desks one may book at; the office (`appointments.manage`) sees the inactive too.
#[utoipa::path(
    tag = "appointments",
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses((status = 200, body = DeskList))
)]
#[get("/desks")]
pub async fn list_desks(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: Option<AuthUser>,
) -> Result<web::Json<DeskList>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let office = user.is_some_and(|u| u.permissions.contains(&Permission::AppointmentsManage));
    let views = state.db.run(move |conn| desks::list(conn, !office)).await?;
    Ok(web::Json(DeskList {
        items: views.iter().map(|v| views::desk(v, lang)).collect(),
    }))
}

async fn save_desk(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    id: Option<String>,
    input: DeskInput,
) -> Result<Desk, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let config = config_of(input);
    let view = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let view = desks::save(conn, id.as_deref(), &config)?;
                let entry = AuditEntry::new(Actor::user(&user), actions::DESK_SAVED)
                    .subject("desk", &view.row.id);
                crate::audit::record(conn, &origin, entry)?;
                Ok::<_, crate::appointments::Error>(view)
            })
        })
        .await?;
    Ok(views::desk(&view, lang))
}

/// Sets up a new desk.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    request_body = DeskInput,
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 201, body = Desk, description = "Created"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/desks")]
pub async fn create_desk(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<DeskInput>,
) -> Result<HttpResponse, ApiError> {
    let desk = save_desk(req, state, user, None, body.0).await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(desk))
}

/// Replaces a desk's set-up; booked appointments stay as they are.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    request_body = DeskInput,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Desk),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[put("/desks/{id}")]
pub async fn update_desk(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<DeskInput>,
) -> Result<web::Json<Desk>, ApiError> {
    Ok(web::Json(
        save_desk(req, state, user, Some(path.into_inner()), body.0).await?,
    ))
}

/// Closes a desk from one day to another (both included).
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    request_body = ClosureInput,
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 201, body = Desk, description = "The desk with its closures"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/desks/{id}/closures")]
pub async fn add_closure(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<ClosureInput>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let id = path.into_inner();
    let ClosureInput { from, to, reason } = body.0;
    let view = state
        .db
        .run(move |conn| {
            let view = desks::close(conn, &id, from, to, &reason)?;
            let mut entry =
                AuditEntry::new(Actor::user(&user), actions::DESK_SAVED).subject("desk", &id);
            entry.details =
                serde_json::json!({"closed_from": from, "closed_to": to, "reason": reason});
            crate::audit::record(conn, &origin, entry)?;
            Ok::<_, crate::appointments::Error>(view)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(views::desk(&view, lang)))
}

/// Removes a closure.
#[utoipa::path(
    tag = "appointments",
    security(("bearer" = ["appointments.manage"])),
    params(("id" = String, Path), ("closure_id" = String, Path)),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[delete("/desks/{id}/closures/{closure_id}")]
pub async fn remove_closure(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let origin = Origin::from_request(&req);
    let (id, closure_id) = path.into_inner();
    state
        .db
        .run(move |conn| {
            desks::reopen(conn, &id, &closure_id)?;
            let mut entry =
                AuditEntry::new(Actor::user(&user), actions::DESK_SAVED).subject("desk", &id);
            entry.details = serde_json::json!({"closure_removed": closure_id});
            crate::audit::record(conn, &origin, entry)?;
            Ok::<_, crate::appointments::Error>(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityQuery {
    /// First day (default: today).
    pub from: Option<NaiveDate>,
    /// Last day, included (default: 31 days after `from`; at most 100 days after it).
    pub to: Option<NaiveDate>,
}

/// The days from `from` to `to` with their free slots ("prenota appuntamento" where some
/// place is free). Public.
#[utoipa::path(
    tag = "appointments",
    params(("id" = String, Path), AvailabilityQuery),
    responses(
        (status = 200, body = Availability),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/desks/{id}/availability")]
pub async fn desk_availability(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: Query<AvailabilityQuery>,
) -> Result<web::Json<Availability>, ApiError> {
    let now = Utc::now();
    let from = plausible(query.0.from.unwrap_or_else(|| local(now).date()), "from")?;
    let to = plausible(query.0.to.unwrap_or(from + Duration::days(31)), "to")?;
    if to < from || to > from + Duration::days(100) {
        return Err(ApiError::InvalidQuery(vec![FieldError::new(
            "to",
            Text::new(
                "L'intervallo va da 0 a 100 giorni dopo «from».",
                "The range runs 0 to 100 days after `from`.",
            ),
        )]));
    }
    let id = path.into_inner();
    let settings = state.settings.clone();
    let (desk_id, days) = state
        .db
        .run(move |conn| {
            let desk = desks::find(conn, &id)?;
            if !desk.config.active {
                return Err(crate::appointments::Error::NotFound);
            }
            let start = from_local(from.and_hms_opt(0, 0, 0).unwrap_or_default()).naive_utc();
            let end = from_local(
                (to + Duration::days(1))
                    .and_hms_opt(0, 0, 0)
                    .unwrap_or_default(),
            )
            .naive_utc();
            let booked = slots::booked_between(conn, &id, start, end)?;
            let schedule = desk.schedule(&settings);
            let days = schedule.availability(from, to, now, &|at| {
                booked.get(&at.naive_utc()).copied().unwrap_or(0)
            });
            Ok((id, days))
        })
        .await?;
    Ok(web::Json(Availability {
        desk_id,
        from,
        to,
        days: days
            .into_iter()
            .map(|day| AvailabilityDay {
                date: day.date,
                bookable: day.free() > 0,
                free: day.free(),
                closed: day.closed,
                slots: day
                    .slots
                    .into_iter()
                    .filter(|s| s.free > 0)
                    .map(|s| FreeSlot {
                        starts_at: views::rome(s.starts_utc.naive_utc()),
                        time: s.starts.format("%H:%M").to_string(),
                        ends: s.ends.format("%H:%M").to_string(),
                        free: s.free,
                    })
                    .collect(),
            })
            .collect(),
    }))
}
