//! The back office's audit log: read it filtered, export it as CSV, verify its chain.
//! Only accounts with the `audit.read` permission get in; reading is not itself recorded,
//! verifying is (`audit.verified`).

mod csv;
mod list;
mod verify;

pub use list::{list_audit_log, AuditLogEntry, AuditLogPage, AuditLogQuery, ExportFormat};
pub use verify::{verify_audit_log, ChainVerdict};

use actix_web::get;
use actix_web::web::Json;
use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use crate::audit::actions::CATALOGUE;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;

/// A stored UTC timestamp as RFC 3339 with a `Z`, to the microsecond.
fn utc_text(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// One kind of recorded action, for the viewer's filter.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"code": "person.viewed", "label_it": "Consultazione dati di una persona", "label_en": "Person's data viewed"}))]
pub struct AuditAction {
    /// Stable dotted code, as stored in the log and accepted by the `action` filter.
    pub code: &'static str,
    pub label_it: &'static str,
    pub label_en: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditActionList {
    pub actions: Vec<AuditAction>,
}

/// The catalogue of actions the portal records, with Italian and English labels.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["audit.read"])),
    responses(
        (status = 200, body = AuditActionList),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/admin/audit-log/actions")]
pub async fn list_audit_actions(_user: AuthUser) -> Result<Json<AuditActionList>, ApiError> {
    let actions = CATALOGUE
        .iter()
        .map(|a| AuditAction {
            code: a.code,
            label_it: a.label_it,
            label_en: a.label_en,
        })
        .collect();
    Ok(Json(AuditActionList { actions }))
}

/// The HTTP side of an audit entry's origin: the one place that reads it off a request.
impl crate::audit::Origin {
    /// The client address (see `http::client::client_ip`: proxy headers only when
    /// trusted) and the request id set by the observing middleware.
    pub fn from_request(req: &actix_web::HttpRequest) -> crate::audit::Origin {
        use crate::platform::http::client::client_ip;
        use crate::platform::http::observe::RequestId;
        use actix_web::HttpMessage;
        let request_id = req.extensions().get::<RequestId>().map(|id| id.0.clone());
        crate::audit::Origin {
            ip: client_ip(req),
            request_id,
        }
    }
}
