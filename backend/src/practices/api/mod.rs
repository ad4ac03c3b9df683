//! Practices over HTTP: the catalogue and its templates, drafts, the lists, the history
//! and the receipt. The citizen's and the office's actions are in `actions`, the files
//! in `files`.

pub mod actions;
pub mod error;
pub mod files;
pub mod shapes;
pub mod views;

use actix_web::http::{header, StatusCode};
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::audit::Origin;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::{Json, Query};
use crate::platform::http::pagination::ListQuery;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::practices::drafts::{self, Caller};
use crate::practices::rules::catalogue;
use crate::practices::rules::lifecycle::State;
use crate::practices::store::{events, practices as store, queue};
use shapes::*;

const LANGUAGE: &str = "`it` (default) or `en`";

/// The practice types the portal offers, with their steps, fields, document checklist
/// and choices.
#[utoipa::path(
    tag = "practices",
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses((status = 200, body = PracticeTypeList))
)]
#[get("/practice-types")]
pub async fn list_practice_types(req: HttpRequest) -> web::Json<PracticeTypeList> {
    let lang = Lang::from_headers(req.headers());
    web::Json(PracticeTypeList {
        items: catalogue::TYPES
            .iter()
            .map(|t| views::practice_type(t, lang))
            .collect(),
    })
}

/// The blank template of a checklist document, to fill in, sign and attach.
#[utoipa::path(
    tag = "practices",
    params(("code" = String, Path, example = "cambio-residenza"), ("document" = String, Path, example = "assenso-proprietario")),
    responses(
        (status = 200, description = "The template", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/practice-types/{code}/templates/{document}.pdf")]
pub async fn practice_template(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (code, document) = path.into_inner();
    let template = catalogue::find(&code)
        .and_then(|t| t.document(&document))
        .and_then(|d| d.template.as_ref())
        .ok_or(ApiError::NotFound)?;
    let pdf =
        crate::practices::receipt::template(&state.settings, &document, template, Utc::now())?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{document}.pdf\""),
        ))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(pdf))
}

/// Starts a practice: a draft prefilled from the registry (citizens only).
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    request_body = NewPractice,
    params(("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 201, body = Practice, description = "The draft"),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/practices")]
pub async fn create_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<NewPractice>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let caller = Caller::of(&user);
    let view = state
        .db
        .run(move |conn| {
            let row = drafts::create(conn, &origin, &caller, &body.0.r#type, Utc::now())?;
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, format!("/api/v1/practices/{}", view.id)))
        .json(view))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PracticeListQuery {
    /// 1-based.
    pub page: Option<i64>,
    /// At most 100 (default 50).
    pub per_page: Option<i64>,
    /// Only practices in this state.
    pub state: Option<State>,
    /// Only practices of this type.
    #[param(example = "cambio-residenza")]
    pub r#type: Option<String>,
    /// A protocol number (`2026/000123` or `123`), a codice fiscale, or the start of the
    /// applicant's surname.
    pub q: Option<String>,
    /// Only those whose registration or decision is overdue.
    pub overdue: Option<bool>,
}

fn search_of(q: Option<String>) -> Result<Option<queue::Search>, ApiError> {
    let Some(q) = q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()) else {
        return Ok(None);
    };
    if let Some((year, number)) = crate::practices::rules::protocol::parse(&q) {
        return Ok(Some(queue::Search::Protocol { year, number }));
    }
    if crate::registry::rules::fiscal_code::FiscalCode::parse(&q).is_ok() {
        return Ok(Some(queue::Search::FiscalCode(q.to_uppercase())));
    }
    if q.chars().count() >= 2
        && q.chars().count() <= 60
        && q.chars().all(|c| c.is_alphabetic() || " '-".contains(c))
    {
        return Ok(Some(queue::Search::Surname(q)));
    }
    Err(ApiError::InvalidQuery(vec![FieldError::new(
        "q",
        Text::new(
            "Indicare un numero di protocollo (ad esempio 2026/000123), un codice fiscale o almeno due lettere del cognome.",
            "Give a protocol number (e.g. 2026/000123), a codice fiscale or at least two letters of the surname.",
        ),
    )]))
}

/// My practices, newest first ("stato richieste"); with `practices.manage`, the office's
/// queue, oldest submission first, with the counts per state.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(PracticeListQuery, ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = PracticeList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/practices")]
pub async fn list_practices(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: Query<PracticeListQuery>,
) -> Result<web::Json<PracticeList>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let query = query.0;
    let (per_page, offset) = ListQuery {
        page: query.page,
        per_page: query.per_page,
    }
    .limit_offset();
    let caller = Caller::of(&user);
    let owner = (!caller.office).then(|| caller.account_id.as_str().to_owned());
    let filter = queue::Filter {
        owner: owner.clone(),
        state: query.state,
        type_code: query.r#type.clone(),
        search: search_of(query.q)?,
        overdue_on: query
            .overdue
            .filter(|o| *o)
            .map(|_| crate::platform::italian_time::today(Utc::now())),
    };
    let (rows, total, counts) = state
        .db
        .run(move |conn| {
            let (rows, total) = queue::page(conn, &filter, per_page, offset)?;
            let counts = queue::counts(conn, owner.as_deref(), query.r#type.as_deref())?;
            Ok::<_, crate::platform::db::DbError>((rows, total, counts))
        })
        .await?;
    let counts = counts
        .into_iter()
        .map(|(state, count)| StateCount {
            state,
            label: state.label().get(lang).to_owned(),
            count,
        })
        .collect();
    Ok(web::Json(PracticeList {
        items: rows.into_iter().map(|r| views::summary(r, lang)).collect(),
        total,
        counts,
    }))
}

/// One practice: everything declared, its files, deadlines, and what the caller may do.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = Practice),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/practices/{id}")]
pub async fn get_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Practice>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let caller = Caller::of(&user);
    let id = path.into_inner();
    let view = state
        .db
        .run(move |conn| {
            let row = drafts::visible(conn, &caller, &id)?;
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(web::Json(view))
}

/// Saves the draft at a step; `issues` in the answer lists what it still lacks. 409
/// `stale_draft` when another device saved it after `version`.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    request_body(content = SaveDraft, content_type = "application/merge-patch+json"),
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
#[patch("/practices/{id}")]
pub async fn save_practice(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<SaveDraft>,
) -> Result<web::Json<Practice>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let caller = Caller::of(&user);
    let id = path.into_inner();
    let SaveDraft {
        data,
        step,
        version,
    } = body.0;
    let view = state
        .db
        .run(move |conn| {
            let row = drafts::save(conn, &caller, &id, data, step, version)?;
            views::practice(conn, &caller, row, lang)
        })
        .await?;
    Ok(web::Json(view))
}

/// The practice's history: every change of state, by whom, when, with the notes.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = LANGUAGE)),
    responses(
        (status = 200, body = PracticeHistory),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/practices/{id}/history")]
pub async fn practice_history(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<PracticeHistory>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let caller = Caller::of(&user);
    let id = path.into_inner();
    let rows = state
        .db
        .run(move |conn| {
            drafts::visible(conn, &caller, &id)?;
            Ok::<_, crate::practices::Error>(events::of_practice(conn, &id)?)
        })
        .await?;
    Ok(web::Json(PracticeHistory {
        items: rows.into_iter().map(|r| views::event(r, lang)).collect(),
    }))
}

/// The receipt of a submitted practice, as it was made at submission.
#[utoipa::path(
    tag = "practices",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, description = "The receipt", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/practices/{id}/receipt.pdf")]
pub async fn practice_receipt(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let caller = Caller::of(&user);
    let id = path.into_inner();
    let (pdf, protocol) = state
        .db
        .run(move |conn| {
            let row = drafts::visible(conn, &caller, &id)?;
            let pdf = store::receipt(conn, &id)?.ok_or(crate::practices::Error::NotFound)?;
            Ok::<_, crate::practices::Error>((pdf, row.protocol().unwrap_or_default()))
        })
        .await?;
    let file_name = format!("ricevuta-{}.pdf", protocol.replace('/', "-"));
    Ok(crate::platform::http::responses::pdf(
        &file_name, pdf, false,
    ))
}
