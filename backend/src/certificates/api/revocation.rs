//! Revocation by the office of a certificate issued on wrong data or by mistake: the
//! document stays in the repository as issued, and every verification then says it is
//! revoked.

use actix_web::{post, web, HttpRequest};
use chrono::Utc;

use super::shapes::{Certificate, RevokeCertificate};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::certificates::archive;
use crate::certificates::store::certificates as repository;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};
use crate::webhooks::{self, publish::CertificateEvent, EventType};

/// Revokes a certificate (`certificates.revoke`); the reason is recorded and shown to the
/// person it is about. A certificate already revoked answers 409.
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = ["certificates.revoke"])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    request_body = RevokeCertificate,
    responses(
        (status = 200, body = Certificate),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/certificates/{id}/revoke")]
pub async fn revoke_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<RevokeCertificate>,
) -> Result<web::Json<Certificate>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let reason = body.0.reason.trim().to_owned();
    if !(3..=500).contains(&reason.chars().count()) || reason.chars().any(char::is_control) {
        return Err(ApiError::Validation(vec![FieldError::new(
            "reason",
            Text::new(
                "Indicare il motivo della revoca (da 3 a 500 caratteri).",
                "Give the reason for the revocation (3 to 500 characters).",
            ),
        )]));
    }
    let origin = Origin::from_request(&req);
    let id = crate::certificates::CertificateId::new(path.into_inner());
    let archived = state
        .db
        .run(move |conn| {
            crate::platform::db::transaction(conn, |conn| {
                let meta = repository::find(conn, &id)?.ok_or(ApiError::NotFound)?;
                if !repository::revoke(conn, &meta.id, Utc::now().naive_utc())? {
                    return Err(ApiError::Conflict {
                        code: "already_revoked",
                        detail: Text::new(
                            "Il certificato è già stato revocato.",
                            "The certificate has already been revoked.",
                        ),
                    });
                }
                let entry = AuditEntry {
                    reason: Some(&reason),
                    details: serde_json::json!({ "certificate_id": meta.id }),
                    ..AuditEntry::new(Actor::user(&user), actions::CERTIFICATE_REVOKED)
                        .subject("person", &meta.person_id)
                };
                audit::record(conn, &origin, entry)?;
                let revoked = repository::find(conn, &meta.id)?.ok_or(ApiError::NotFound)?;
                let event = CertificateEvent {
                    certificate_id: revoked.id.as_str().to_owned(),
                    certificate_type: revoked.type_code.clone(),
                    status: revoked.status.clone(),
                    issued_at: revoked.issued_at.and_utc(),
                    valid_until: revoked.valid_until,
                    revoked_at: revoked.revoked_at.map(|at| at.and_utc()),
                };
                let at = revoked.revoked_at.unwrap_or(revoked.issued_at);
                webhooks::publish::certificate(conn, EventType::CertificateRevoked, &event, at)?;
                Ok(archive::with_requester(conn, revoked)?)
            })
        })
        .await?;
    Ok(web::Json(Certificate::from_archived(archived, lang)))
}
