//! `GET /api/v1/admin/audit-log`: a filtered page as JSON, or every match as CSV.

use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::{Bytes, Data};
use actix_web::{get, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::csv;
use crate::audit::store::count;
use crate::audit::store::search;
use crate::audit::store::search_before;
use crate::audit::store::{AuditFilter, AuditRow};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Query;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};

const DEFAULT_PER_PAGE: u32 = 50;
const MAX_PER_PAGE: u32 = 500;
/// Entries fetched per database round trip while streaming a CSV export.
const EXPORT_PAGE: i64 = 1_000;

#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Json,
    Csv,
}

/// Filters (all optional, combined) and paging. Empty values are ignored.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditLogQuery {
    /// From this instant, included: RFC 3339 (write `+` as `%2B`).
    #[param(format = DateTime, example = "2026-11-01T00:00:00Z")]
    pub from: Option<String>,
    /// Up to this instant, excluded: RFC 3339.
    #[param(format = DateTime, example = "2026-12-01T00:00:00Z")]
    pub to: Option<String>,
    /// The acting account's id, or part of its name (case-insensitive for ASCII letters).
    #[param(example = "Rossi")]
    pub actor: Option<String>,
    /// The subject's id (a person, a certificate, an account…), exactly.
    pub subject: Option<String>,
    /// An action code from `GET /api/v1/admin/audit-log/actions`.
    #[param(example = "person.viewed")]
    pub action: Option<String>,
    /// Page number, from 1 (JSON only).
    #[param(example = 1, minimum = 1)]
    pub page: Option<u32>,
    /// Entries per page, 1 to 500, default 50 (JSON only).
    #[param(example = 50, minimum = 1, maximum = 500)]
    pub per_page: Option<u32>,
    /// `csv` downloads every matching entry (as does `Accept: text/csv`).
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

/// One recorded action.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "id": 42, "occurred_at": "2026-11-23T09:30:00.123456Z", "actor_id": "0193…",
    "actor_label": "Giulia Bianchi", "action": "person.viewed", "subject_type": "person",
    "subject_id": "0193…", "reason": null, "ip": "192.0.2.10", "request_id": "0193…",
    "details": {}, "prev_hash": "9f2c…", "hash": "51ab…"
}))]
pub struct AuditLogEntry {
    pub id: i64,
    /// When it happened (UTC).
    pub occurred_at: DateTime<Utc>,
    /// The acting account; absent for the system or an anonymous visitor.
    pub actor_id: Option<String>,
    pub actor_label: String,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    /// The reason given (third-party look-ups, operators' changes).
    pub reason: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    /// Action-specific facts.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// The previous entry's hash (64 zeros for the first entry).
    pub prev_hash: String,
    /// SHA-256 of this entry, lowercase hex.
    pub hash: String,
}

impl From<AuditRow> for AuditLogEntry {
    fn from(row: AuditRow) -> AuditLogEntry {
        // An edited row may hold anything: show it as text rather than fail.
        let details = serde_json::from_str(&row.details)
            .unwrap_or_else(|_| serde_json::Value::String(row.details.clone()));
        AuditLogEntry {
            id: row.id,
            occurred_at: row.occurred_at.and_utc(),
            actor_id: row.actor_id,
            actor_label: row.actor_label,
            action: row.action,
            subject_type: row.subject_type,
            subject_id: row.subject_id,
            reason: row.reason,
            ip: row.ip,
            request_id: row.request_id,
            details,
            prev_hash: row.prev_hash,
            hash: row.hash,
        }
    }
}

/// A page of entries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLogPage {
    pub entries: Vec<AuditLogEntry>,
    #[schema(example = 1)]
    pub page: u32,
    #[schema(example = 50)]
    pub per_page: u32,
    /// Entries matching the filters, on all pages.
    #[schema(example = 1234)]
    pub total: i64,
}

/// Reads the audit log, filtered; JSON pages, or a CSV download of every match.
#[utoipa::path(
    tag = "back office",
    params(AuditLogQuery),
    security(("bearer" = ["audit.read"])),
    responses(
        (status = 200, description = "A page of entries, or the CSV file (UTF-8 with BOM, RFC 4180)",
            content((AuditLogPage = "application/json"), (String = "text/csv"))),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/admin/audit-log")]
#[tracing::instrument(skip_all)]
pub async fn list_audit_log(
    state: Data<AppState>,
    _user: AuthUser,
    query: Query<AuditLogQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let query = query.0;
    let filter = parse_filter(&query)?;
    let wants_csv = match query.format {
        Some(format) => matches!(format, ExportFormat::Csv),
        None => accepts_csv(&req),
    };
    if wants_csv {
        return Ok(export_csv(state, filter, Lang::from_headers(req.headers())));
    }
    let per_page = query.per_page.unwrap_or(DEFAULT_PER_PAGE);
    let page = query.page.unwrap_or(1);
    let mut errors = Vec::new();
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        errors.push(FieldError::new(
            "per_page",
            Text::new(
                "Il valore deve essere compreso tra 1 e 500.",
                "The value must be between 1 and 500.",
            ),
        ));
    }
    if page == 0 {
        errors.push(FieldError::new(
            "page",
            Text::new("Le pagine partono da 1.", "Pages start at 1."),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::InvalidQuery(errors));
    }
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (rows, total) = state
        .db
        .run(move |conn| {
            let rows = search(conn, &filter, offset, i64::from(per_page))?;
            Ok::<_, ApiError>((rows, count(conn, &filter)?))
        })
        .await?;
    Ok(HttpResponse::Ok().json(AuditLogPage {
        entries: rows.into_iter().map(AuditLogEntry::from).collect(),
        page,
        per_page,
        total,
    }))
}

fn accepts_csv(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.to_ascii_lowercase().contains("text/csv"))
}

fn parse_filter(query: &AuditLogQuery) -> Result<AuditFilter, ApiError> {
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut errors = Vec::new();
    let mut instant = |name: &str, value: &Option<String>| -> Option<NaiveDateTime> {
        let value = text(value)?;
        match DateTime::parse_from_rfc3339(&value) {
            Ok(at) => Some(at.naive_utc()),
            Err(_) => {
                errors.push(FieldError::new(
                    name,
                    Text::new(
                        "Data e ora non valide: usare il formato RFC 3339, ad esempio 2026-11-23T09:30:00Z.",
                        "Invalid date and time: use RFC 3339, e.g. 2026-11-23T09:30:00Z.",
                    ),
                ));
                None
            }
        }
    };
    let from = instant("from", &query.from);
    let to = instant("to", &query.to);
    if !errors.is_empty() {
        return Err(ApiError::InvalidQuery(errors));
    }
    Ok(AuditFilter {
        from,
        to,
        actor: text(&query.actor),
        subject: text(&query.subject),
        action: text(&query.action),
    })
}

/// Streams the header, then pages of rows fetched by keyset (newest first), so an export
/// of any size runs in constant memory.
fn export_csv(state: Data<AppState>, filter: AuditFilter, lang: Lang) -> HttpResponse {
    enum Cursor {
        Header,
        Before(Option<i64>),
        Done,
    }
    let db = state.db.clone();
    let chunks = futures_util::stream::unfold(Cursor::Header, move |cursor| {
        let db = db.clone();
        let filter = filter.clone();
        async move {
            let before = match cursor {
                Cursor::Done => return None,
                Cursor::Header => {
                    let header = Bytes::from(csv::header());
                    return Some((Ok(header), Cursor::Before(None)));
                }
                Cursor::Before(before) => before,
            };
            let rows = db
                .run(move |conn| search_before(conn, &filter, before, EXPORT_PAGE))
                .await;
            match rows {
                Ok(rows) if rows.is_empty() => None,
                Ok(rows) => {
                    let next = match rows.last() {
                        Some(last) if rows.len() as i64 == EXPORT_PAGE => {
                            Cursor::Before(Some(last.id))
                        }
                        _ => Cursor::Done,
                    };
                    Some((Ok(Bytes::from(csv::rows(&rows, lang))), next))
                }
                Err(error) => {
                    tracing::error!(%error, "audit log export failed midway");
                    Some((Err(ApiError::internal(error)), Cursor::Done))
                }
            }
        }
    });
    let filename = format!(
        "registro-accessi-{}.csv",
        Utc::now().format("%Y%m%d-%H%M%S")
    );
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(filename)],
        })
        .streaming(chunks)
}
