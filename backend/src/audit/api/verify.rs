//! `GET /api/v1/admin/audit-log/verify`: recompute the whole chain.

use actix_web::web::{Data, Json};
use actix_web::{get, HttpRequest};
use serde::Serialize;
use utoipa::ToSchema;

use crate::audit::actions::AUDIT_VERIFIED;
use crate::audit::{self, Actor, AuditEntry, ChainProblem, Origin};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::AppState;

/// The verdict on the chain. A chain cannot reveal its own newest entries being cut off:
/// keep `head_id`/`head_hash` elsewhere and compare them with a later verdict (the
/// command line takes them as `--anchor`).
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"intact": false, "checked": 3, "first_broken_id": 3, "problem": "edited"}))]
pub struct ChainVerdict {
    /// True when every entry matches its hash and links to the one before.
    pub intact: bool,
    /// Entries examined: all when intact, up to the first broken one otherwise.
    pub checked: u64,
    /// The first entry that breaks the chain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_broken_id: Option<i64>,
    /// Why it breaks: `edited` (content changed), `deleted_before` (entries missing
    /// before it), `broken_link` (its `prev_hash` is not the previous entry's hash).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<ChainProblem>,
    /// The newest entry verified, when intact.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = 1234)]
    pub head_id: Option<i64>,
    /// Its hash (SHA-256, lowercase hex).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub head_hash: Option<String>,
}

impl From<audit::ChainReport> for ChainVerdict {
    fn from(report: audit::ChainReport) -> ChainVerdict {
        let intact = report.intact();
        let (head_id, head_hash) = report.head.unzip();
        let (first_broken_id, problem) = report.first_broken.unzip();
        ChainVerdict {
            intact,
            checked: report.checked,
            first_broken_id,
            problem,
            head_id,
            head_hash,
        }
    }
}

/// Verifies the audit log's hash chain; the verification itself is recorded.
#[utoipa::path(
    tag = "back office",
    security(("bearer" = ["audit.read"])),
    responses(
        (status = 200, body = ChainVerdict),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
    )
)]
#[get("/admin/audit-log/verify")]
#[tracing::instrument(skip_all)]
pub async fn verify_audit_log(
    state: Data<AppState>,
    user: AuthUser,
    req: HttpRequest,
) -> Result<Json<ChainVerdict>, ApiError> {
    let origin = Origin::from_request(&req);
    let (account_id, label) = (user.account_id.clone(), user.label.clone());
    let verdict = state
        .db
        .run(move |conn| {
            let verdict = ChainVerdict::from(audit::verify_chain(conn)?);
            let details = serde_json::json!({
                "intact": verdict.intact,
                "checked": verdict.checked,
                "first_broken_id": verdict.first_broken_id,
                "problem": verdict.problem,
                "head_id": verdict.head_id,
                "head_hash": verdict.head_hash,
            });
            let actor = Actor {
                id: Some(&account_id),
                label: &label,
            };
            let entry = AuditEntry {
                details,
                ..AuditEntry::new(actor, AUDIT_VERIFIED)
            };
            audit::record(conn, &origin, entry)?;
            Ok::<_, ApiError>(verdict)
        })
        .await?;
    Ok(Json(verdict))
}
