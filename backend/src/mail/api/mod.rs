//! The outgoing mail as administrators see it: what is waiting, what went out, what
//! failed and why — never the bodies or attachment contents — and a retry for failures.

pub mod email_delivery;

use actix_web::{get, post, web, HttpRequest};
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::mail::store::{self, AttachmentInfo, MailStatus, OutboxSummaryRow};
use crate::mail::{now_utc, parse_addresses};
use crate::platform::auth::AuthUser;
use crate::platform::db::DbError;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Query;
use crate::platform::http::AppState;
use crate::platform::i18n::Text;
use crate::platform::metrics::{MailOutcome, Metrics};

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct OutboxQuery {
    /// Only mails in this state; all by default.
    pub status: Option<MailStatus>,
    /// Page number, from 1.
    #[param(minimum = 1, example = 1)]
    pub page: Option<u32>,
    /// Entries per page, 1 to 100; default 50.
    #[param(minimum = 1, maximum = 100, example = 50)]
    pub per_page: Option<u32>,
}

/// A queued mail without its body.
#[derive(Serialize, ToSchema)]
pub struct OutboxEntry {
    #[schema(example = "0193a4c2-7d1e-7c4e-9a7b-2f0c1d9e8a11")]
    pub id: String,
    pub created_at: DateTime<Utc>,
    #[schema(example = json!(["mario.rossi@example.it"]))]
    pub recipients: Vec<String>,
    pub cc: Vec<String>,
    #[schema(example = "Il suo certificato")]
    pub subject: String,
    pub status: MailStatus,
    /// Delivery attempts made so far.
    pub attempts: i32,
    /// When a pending mail is tried next; absent once sent or failed.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The relay's answer (or the network error) at the last failed attempt.
    #[schema(example = "permanent error (550): mailbox unavailable")]
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub attachments: Vec<OutboxAttachment>,
}

#[derive(Serialize, ToSchema)]
pub struct OutboxAttachment {
    #[schema(example = "certificato-residenza.pdf")]
    pub file_name: String,
    #[schema(example = "application/pdf")]
    pub content_type: String,
    /// Size in bytes.
    pub size: i32,
}

#[derive(Serialize, ToSchema)]
pub struct OutboxPage {
    pub items: Vec<OutboxEntry>,
    pub page: u32,
    pub per_page: u32,
    /// Entries matching the filter, on all pages.
    pub total: i64,
}

fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

fn entry(row: OutboxSummaryRow, attachments: &[AttachmentInfo]) -> Result<OutboxEntry, ApiError> {
    let status = MailStatus::parse(&row.status)
        .ok_or_else(|| ApiError::internal(format!("mail {} has status {}", row.id, row.status)))?;
    Ok(OutboxEntry {
        recipients: parse_addresses(Some(&row.recipients)).map_err(ApiError::internal)?,
        cc: parse_addresses(row.cc.as_deref()).map_err(ApiError::internal)?,
        attachments: attachments
            .iter()
            .filter(|a| a.mail_id == row.id)
            .map(|a| OutboxAttachment {
                file_name: a.file_name.clone(),
                content_type: a.content_type.clone(),
                size: a.size,
            })
            .collect(),
        id: row.id,
        created_at: utc(row.created_at),
        subject: row.subject,
        status,
        attempts: row.attempts,
        next_attempt_at: (status == MailStatus::Pending).then(|| utc(row.next_attempt_at)),
        last_error: row.last_error,
        sent_at: row.sent_at.map(utc),
    })
}

/// The outbox, newest first, optionally of one status.
///
/// `status=failed` lists what needs a look, with the relay's last answer. Bodies and
/// attachment contents are never shown. Needs `mail.read`.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["mail.read"])),
    params(OutboxQuery),
    responses(
        (status = 200, body = OutboxPage),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/admin/mail-outbox")]
pub async fn list_mail_outbox(
    state: web::Data<AppState>,
    _user: AuthUser,
    query: Query<OutboxQuery>,
) -> Result<web::Json<OutboxPage>, ApiError> {
    let OutboxQuery {
        status,
        page,
        per_page,
    } = query.0;
    let page = page.unwrap_or(1);
    let per_page = per_page.unwrap_or(50);
    let mut errors = Vec::new();
    if page == 0 {
        errors.push(FieldError::new(
            "page",
            Text::new("Le pagine partono da 1.", "Pages start at 1."),
        ));
    }
    if !(1..=100).contains(&per_page) {
        errors.push(FieldError::new(
            "per_page",
            Text::new(
                "Da 1 a 100 voci per pagina.",
                "From 1 to 100 entries per page.",
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::InvalidQuery(errors));
    }
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (rows, attachments, total) = state
        .db
        .run(move |conn| {
            let (rows, total) = store::list(conn, status, offset, i64::from(per_page))?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let attachments = store::attachment_info(conn, &ids)?;
            Ok::<_, DbError>((rows, attachments, total))
        })
        .await?;
    let items = rows
        .into_iter()
        .map(|row| entry(row, &attachments))
        .collect::<Result<_, _>>()?;
    Ok(web::Json(OutboxPage {
        items,
        page,
        per_page,
        total,
    }))
}

/// Puts a failed mail back in the queue.
///
/// The mail gets a fresh set of attempts and the worker sends it at its next poll; only
/// a `failed` mail can be retried. Recorded in the audit log. Needs `mail.manage`.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["mail.manage"])),
    params(("id" = String, Path, description = "Mail id")),
    responses(
        (status = 200, description = "Queued again", body = OutboxEntry),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
    )
)]
#[post("/admin/mail-outbox/{id}/retry")]
pub async fn retry_mail(
    req: HttpRequest,
    state: web::Data<AppState>,
    metrics: web::Data<Metrics>,
    user: AuthUser,
    id: web::Path<String>,
) -> Result<web::Json<OutboxEntry>, ApiError> {
    let id = id.into_inner();
    let origin = Origin::from_request(&req);
    let (row, attachments) = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let before = store::summary(conn, &id)?;
                if !store::requeue_failed(conn, &id, now_utc())? {
                    return Err(ApiError::Conflict {
                        code: "mail_not_failed",
                        detail: Text::new(
                            "Si può ritentare solo l'invio di un messaggio non riuscito.",
                            "Only a failed mail can be retried.",
                        ),
                    });
                }
                let actor = Actor::user(&user);
                let mut entry = AuditEntry::new(actor, actions::MAIL_REQUEUED).subject("mail", &id);
                entry.details = serde_json::json!({
                    "attempts": before.attempts,
                    "last_error": before.last_error,
                });
                audit::record(conn, &origin, entry)?;
                let row = store::summary(conn, &id)?;
                let attachments = store::attachment_info(conn, std::slice::from_ref(&id))?;
                Ok((row, attachments))
            })
        })
        .await?;
    tracing::info!(mail_id = %row.id, "failed mail queued again");
    metrics.count_mail(MailOutcome::Requeued);
    Ok(web::Json(entry(row, &attachments)?))
}
