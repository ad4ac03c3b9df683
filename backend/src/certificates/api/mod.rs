//! Certificates: the catalogues, issuing (for oneself, a family member or a third
//! person), the repository of issued documents, and delivery by e-mail. The rules
//! live in `domain::certificates`, the work in `certification`.

pub mod email;
pub mod error;
pub mod list;
pub mod names;
pub mod revocation;
pub mod shapes;
pub mod verification;

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::certificates::archive;
use crate::certificates::issue::{self, IssueOutcome, Requester};
use crate::certificates::keyring::Keyring;
use crate::certificates::rules::types::CertificateType;
use crate::certificates::rules::usages::Usage;
use crate::certificates::store::certificates::{self as repository, CertificateMeta};
use crate::platform::auth::permissions::Permission;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use shapes::*;

/// The kinds of certificate issued online, with who may have each.
#[utoipa::path(
    tag = "certificates",
    params(("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses((status = 200, body = CertificateTypes))
)]
#[get("/certificate-types")]
pub async fn list_certificate_types(req: HttpRequest) -> web::Json<CertificateTypes> {
    let lang = Lang::from_headers(req.headers());
    let items = CertificateType::ALL
        .iter()
        .map(|kind| CertificateTypeView {
            code: kind.code().to_owned(),
            name: kind.name().get(lang).to_owned(),
            description: kind.description().get(lang).to_owned(),
            group: kind.group().code().to_owned(),
            group_name: kind.group().name().get(lang).to_owned(),
            always_exempt: kind.always_exempt(),
            eligibility: kind.eligibility().get(lang).to_owned(),
        })
        .collect();
    web::Json(CertificateTypes { items })
}

/// The usages (uso) a certificate can be issued for, with the stamp duty each implies
/// and the legal reference of each exemption.
#[utoipa::path(
    tag = "certificates",
    params(("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses((status = 200, body = CertificateUsages))
)]
#[get("/certificate-usages")]
pub async fn list_certificate_usages(req: HttpRequest) -> web::Json<CertificateUsages> {
    let lang = Lang::from_headers(req.headers());
    let items = Usage::ALL
        .iter()
        .map(|usage| CertificateUsageView {
            code: usage.code().to_owned(),
            description: usage.description().get(lang).to_owned(),
            legal_reference: usage.legal_reference().map(str::to_owned),
            stamp_duty_cents: usage.stamp_duty_cents(),
            requires_stamp: usage.requires_stamp(),
            requires_text: usage.requires_text(),
        })
        .collect();
    web::Json(CertificateUsages { items })
}

/// Issues a certificate: for oneself, for a member of one's family, or for a third
/// person. A certificate about a third person is for residents of the municipality
/// (seed 001 §3; others 403 `not_resident`), needs a `reason` of 10 to 500 characters in
/// words, recorded and shown to the person, and counts against the same quota as the
/// look-ups of third persons (thirty an hour per account, then 429). The usage
/// decides the stamp duty: `bollo` needs the marca's 14-digit identifier and issue
/// date, and each marca serves one certificate only (409). Send `Idempotency-Key` to
/// make retries safe: the same key answers the same certificate (200).
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    request_body = IssueCertificate,
    params(
        ("Idempotency-Key" = Option<String>, Header, description = "Makes a retried request answer the first certificate instead of issuing another"),
        ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`"),
    ),
    responses(
        (status = 201, body = Certificate, description = "Issued"),
        (status = 200, body = Certificate, description = "Already issued for this Idempotency-Key"),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 409, response = crate::platform::http::responses::Conflict),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[post("/certificates")]
pub async fn issue_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    keyring: web::Data<Keyring>,
    user: AuthUser,
    body: Json<IssueCertificate>,
) -> Result<HttpResponse, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let key = crate::platform::http::idempotency::key(&req)?;
    let origin = Origin::from_request(&req);
    let settings = state.settings.clone();
    let keyring = keyring.into_inner();
    let (status, phases, archived) = state
        .db
        .run(move |conn| {
            let requester = Requester {
                account_id: &user.account_id,
                label: &user.label,
                is_office: user.permissions.contains(&Permission::RegistryRead),
            };
            let outcome = issue::issue(
                conn,
                &settings,
                &keyring,
                &requester,
                &origin,
                &issue::Request::from(body.0),
                key.as_deref(),
            )?;
            let (status, phases, meta) = match outcome {
                IssueOutcome::Issued(meta, phases) => {
                    (actix_web::http::StatusCode::CREATED, Some(phases), meta)
                }
                IssueOutcome::Repeated(meta) => (actix_web::http::StatusCode::OK, None, meta),
            };
            Ok::<_, ApiError>((status, phases, archive::with_requester(conn, meta)?))
        })
        .await?;
    if let (Some(phases), Some(metrics)) = (
        phases,
        req.app_data::<web::Data<crate::platform::metrics::Metrics>>(),
    ) {
        metrics.observe_certificate_phase("registry", phases.registry);
        metrics.observe_certificate_phase("document", phases.document);
        metrics.observe_certificate_phase("store", phases.store);
    }
    Ok(HttpResponse::build(status)
        .insert_header((
            header::LOCATION,
            format!("/api/v1/certificates/{}", archived.meta.id),
        ))
        .json(Certificate::from_archived(archived, lang)))
}

/// The certificate if the caller may see it: who asked for it, or the office.
pub(super) async fn readable(
    state: &AppState,
    user: &AuthUser,
    id: String,
) -> Result<CertificateMeta, ApiError> {
    let id = crate::certificates::CertificateId::new(id);
    let account = user.account_id.clone();
    let office = user.permissions.contains(&Permission::RegistryRead);
    state
        .db
        .run(move |conn| {
            let meta = repository::find(conn, &id)?.ok_or(ApiError::NotFound)?;
            if meta.requester_account_id != account.as_str() && !office {
                return Err(ApiError::NotFound);
            }
            Ok(meta)
        })
        .await
}

/// One certificate's data (not the document).
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    params(("id" = String, Path), ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = Certificate),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/certificates/{id}")]
pub async fn get_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<web::Json<Certificate>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let meta = readable(&state, &user, path.into_inner()).await?;
    let archived = state
        .db
        .run(move |conn| archive::with_requester(conn, meta))
        .await?;
    Ok(web::Json(Certificate::from_archived(archived, lang)))
}

/// The signed PDF, byte for byte as issued.
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    responses(
        (status = 200, description = "The signed PDF", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
    )
)]
#[get("/certificates/{id}/pdf")]
pub async fn download_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let meta = readable(&state, &user, path.into_inner()).await?;
    let origin = Origin::from_request(&req);
    let id = meta.id.clone();
    let pdf = state
        .db
        .run(move |conn| {
            let pdf = repository::pdf(conn, &meta.id)?.ok_or(ApiError::NotFound)?;
            let entry = AuditEntry {
                details: serde_json::json!({ "certificate_id": meta.id }),
                ..AuditEntry::new(Actor::user(&user), actions::CERTIFICATE_DOWNLOADED)
                    .subject("person", &meta.person_id)
            };
            audit::record(conn, &origin, entry)?;
            Ok::<_, ApiError>(pdf)
        })
        .await?;
    Ok(crate::platform::http::responses::pdf(
        &format!("certificato-{id}.pdf"),
        pdf,
        false,
    ))
}
