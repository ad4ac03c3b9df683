//! Public verification of certificates (seed 001 §8): anyone holding a certificate can
//! check it with the surname, name and ID printed on it, and fetch the stored signed
//! document; the keys that verify seals and signatures are published.
//!
//! Wrong data answer the same 404 as an unknown ID, so nothing is learnt about other
//! certificates. Only failures count against the caller's address (twenty an hour):
//! guessing is slowed down while honest checks are never refused. Each successful
//! check is recorded, so the subject can see that the certificate was checked.

use crate::certificates::rules::status::{CertificateStatus, Validity};
use crate::certificates::CertificateId;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::Origin;
use crate::certificates::api::names::type_name;
use crate::certificates::keyring;
use crate::certificates::store::certificates::{self, CertificateMeta, VerificationKind};
use crate::document::document_id;
use crate::platform::db::DbConnection;
use crate::platform::http::error::ApiError;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;
use crate::platform::throttle::rule::ThrottleRule;
use crate::registry::rules::name_match;

const FAILURES_PER_ADDRESS: ThrottleRule = ThrottleRule {
    window: chrono::Duration::hours(1),
    lock_at_failure: 20,
    first_lock: chrono::Duration::minutes(15),
    max_lock: chrono::Duration::hours(6),
};

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyQuery {
    /// The ID printed under the QR code ("7KQF-9XMA-2R4D-HV0C"; case, dashes and
    /// spaces do not matter).
    pub id: Option<String>,
    /// The surname of the person the certificate is about.
    pub surname: Option<String>,
    pub name: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentQuery {
    pub surname: Option<String>,
    pub name: Option<String>,
}

/// The verdict comes first (`valid`, `status`, and when revoked since when), then what
/// the certificate is. Why it was revoked is not told: the office keeps the reason and
/// shows it to the person the certificate is about, not to whoever holds a copy.
#[derive(Debug, Serialize, ToSchema)]
pub struct Verification {
    /// Authentic, not revoked and within its six months of validity.
    pub valid: bool,
    pub status: Validity,
    /// When the office revoked the certificate (RFC 3339); present only when `status` is
    /// `revoked`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "2026-12-03T10:15:00Z")]
    pub revoked_at: Option<DateTime<Utc>>,
    pub id: String,
    #[schema(example = "residenza")]
    pub r#type: String,
    pub type_name: String,
    pub issued_at: DateTime<Utc>,
    pub valid_until: NaiveDate,
    pub subject_surname: String,
    pub subject_name: String,
    /// SHA-256 (hex) of the certificate's printed content, as sealed in the QR.
    pub content_sha256: String,
    /// SHA-256 (hex) of the stored signed PDF.
    pub pdf_sha256: String,
    pub signing_key_id: String,
}

/// The certificate if the three data match; `None` otherwise, and the failure counted.
fn find_matching(
    conn: &mut DbConnection,
    ip: Option<&str>,
    id: Option<&str>,
    surname: Option<&str>,
    name: Option<&str>,
) -> Result<CertificateMeta, ApiError> {
    let key = ip.map(|ip| format!("verify:{ip}"));
    if let Some(key) = &key {
        crate::platform::throttle::ensure_open(conn, key)?;
    }
    let found = match id.and_then(document_id::normalize).map(CertificateId::new) {
        Some(id) => certificates::find(conn, &id)?,
        None => None,
    }
    .filter(|meta| {
        name_match::same_name(surname.unwrap_or(""), &meta.subject_surname)
            && name_match::same_name(name.unwrap_or(""), &meta.subject_name)
    });
    match found {
        Some(meta) => Ok(meta),
        None => {
            if let Some(key) = &key {
                crate::platform::throttle::charge(conn, key, &FAILURES_PER_ADDRESS)?;
            }
            Err(ApiError::NotFound)
        }
    }
}

/// Checks a certificate by ID, surname and name (seed 001 §8.1). Wrong data and
/// unknown IDs get the same 404; repeated failures from one address get 429.
#[utoipa::path(
    tag = "verification",
    params(VerifyQuery, ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = Verification),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[get("/verify")]
pub async fn verify_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<VerifyQuery>,
) -> Result<web::Json<Verification>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let origin = Origin::from_request(&req);
    let query = query.into_inner();
    let meta = state
        .db
        .run(move |conn| {
            let meta = find_matching(
                conn,
                origin.ip.as_deref(),
                query.id.as_deref(),
                query.surname.as_deref(),
                query.name.as_deref(),
            )?;
            let now = Utc::now().naive_utc();
            certificates::record_verification(
                conn,
                &meta.id,
                now,
                origin.ip.as_deref(),
                VerificationKind::Status,
            )?;
            Ok::<_, ApiError>(meta)
        })
        .await?;
    let today = crate::platform::italian_time::today(Utc::now());
    let status = Validity::on(
        CertificateStatus::from_stored(&meta.status),
        meta.valid_until,
        today,
    );
    Ok(web::Json(Verification {
        valid: status == Validity::Valid,
        status,
        revoked_at: meta
            .revoked_at
            .filter(|_| status == Validity::Revoked)
            .map(|at| at.and_utc()),
        type_name: type_name(&meta.type_code, lang),
        id: meta.id.to_string(),
        r#type: meta.type_code,
        issued_at: meta.issued_at.and_utc(),
        valid_until: meta.valid_until,
        subject_surname: meta.subject_surname,
        subject_name: meta.subject_name,
        content_sha256: meta.content_sha256,
        pdf_sha256: meta.pdf_sha256,
        signing_key_id: meta.signing_key_id,
    }))
}

/// The stored signed document (seed 001 §8.1 "Documento con Firma Digitale" and
/// "Documento Timbrato con QRCode": one PDF carries both), for the same three data.
#[utoipa::path(
    tag = "verification",
    params(("id" = String, Path), DocumentQuery),
    responses(
        (status = 200, description = "The signed PDF as issued", content_type = "application/pdf", body = Vec<u8>),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 429, response = crate::platform::http::responses::TooManyRequests),
    )
)]
#[get("/verify/{id}/pdf")]
pub async fn verified_document(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<DocumentQuery>,
) -> Result<HttpResponse, ApiError> {
    let origin = Origin::from_request(&req);
    let id = path.into_inner();
    let query = query.into_inner();
    let (meta, pdf) = state
        .db
        .run(move |conn| {
            let meta = find_matching(
                conn,
                origin.ip.as_deref(),
                Some(&id),
                query.surname.as_deref(),
                query.name.as_deref(),
            )?;
            let pdf = certificates::pdf(conn, &meta.id)?.ok_or(ApiError::NotFound)?;
            certificates::record_verification(
                conn,
                &meta.id,
                Utc::now().naive_utc(),
                origin.ip.as_deref(),
                VerificationKind::Document,
            )?;
            Ok::<_, ApiError>((meta, pdf))
        })
        .await?;
    Ok(crate::platform::http::responses::pdf(
        &format!("certificato-{}.pdf", meta.id),
        pdf,
        true,
    ))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SigningKey {
    #[schema(example = "EC")]
    pub kty: String,
    #[schema(example = "P-256")]
    pub crv: String,
    pub x: String,
    pub y: String,
    pub kid: String,
    #[schema(example = "ES256")]
    pub alg: String,
    #[serde(rename = "use")]
    #[schema(example = "sig")]
    pub use_: String,
    /// The X.509 certificate of the key (base64 DER), which also verifies the PAdES
    /// signatures of the PDFs.
    pub x5c: Vec<String>,
    /// `current` (signs new certificates) or `retired` (still verifies old ones).
    #[schema(example = "current")]
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SigningKeySet {
    pub keys: Vec<SigningKey>,
}

/// The public keys that verify the QR seals and the PDF signatures, current and
/// retired (a JWK set, RFC 7517). Verifiers may keep a copy and check offline.
#[utoipa::path(
    tag = "verification",
    responses((status = 200, body = SigningKeySet))
)]
#[get("/signing-keys")]
pub async fn list_signing_keys(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let issuer = keyring::Issuer::of(&state.settings);
    let keys = state
        .db
        .run(move |conn| {
            keyring::ensure_current(conn, &issuer)?;
            Ok::<_, ApiError>(keyring::published(conn)?)
        })
        .await?;
    let mut set = SigningKeySet { keys: Vec::new() };
    for key in keys {
        let jwk = key.info.to_jwk().map_err(ApiError::internal)?;
        set.keys.push(SigningKey {
            kty: jwk.kty,
            crv: jwk.crv,
            x: jwk.x,
            y: jwk.y,
            kid: jwk.kid,
            alg: jwk.alg,
            use_: jwk.use_,
            x5c: jwk.x5c,
            status: if key.row.retired_at.is_none() {
                "current"
            } else {
                "retired"
            }
            .to_owned(),
            created_at: key.row.created_at.and_utc(),
            retired_at: key.row.retired_at.map(|t| t.and_utc()),
        });
    }
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(set))
}
