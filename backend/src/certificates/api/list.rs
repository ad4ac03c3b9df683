//! The archive of issued certificates: a citizen's own requests, or with `registry.read`
//! everything the office has issued, one page at a time, optionally found by ID or codice
//! fiscale.

use actix_web::{get, web, HttpRequest};

use super::shapes::{Certificate, CertificateList};
use crate::certificates::archive;
use crate::certificates::rules::search::CertificateSearch;
use crate::platform::auth::permissions::Permission;
use crate::platform::auth::AuthUser;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::http::pagination::ListQuery;
use crate::platform::http::AppState;
use crate::platform::i18n::{Lang, Text};

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CertificateListQuery {
    /// 1-based.
    pub page: Option<i64>,
    /// At most 100 (default 50).
    pub per_page: Option<i64>,
    /// A certificate ID (with or without dashes, any case) or a codice fiscale (any
    /// case): the ID matches the certificate, the codice fiscale both the person it is
    /// about and the person who asked for it. Anything else is refused (422 on `q`).
    #[param(example = "7KQF-9XMA-2R4D-HV0C")]
    pub q: Option<String>,
}

/// My certificates, newest first; operators with `registry.read` see every one. `q`
/// finds them by ID or codice fiscale.
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    params(CertificateListQuery, ("Accept-Language" = Option<String>, Header, description = "`it` (default) or `en`")),
    responses(
        (status = 200, body = CertificateList),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[get("/certificates")]
pub async fn list_certificates(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    query: crate::platform::http::extract::Query<CertificateListQuery>,
) -> Result<web::Json<CertificateList>, ApiError> {
    let lang = Lang::from_headers(req.headers());
    let CertificateListQuery { page, per_page, q } = query.0;
    let (per_page, offset) = ListQuery { page, per_page }.limit_offset();
    let search = CertificateSearch::parse(q.as_deref().unwrap_or_default()).map_err(|_| {
        ApiError::Validation(vec![FieldError::new(
            "q",
            Text::new(
                "Indicare l'ID di un certificato (ad esempio 7KQF-9XMA-2R4D-HV0C) o un codice fiscale valido.",
                "Give a certificate ID (for example 7KQF-9XMA-2R4D-HV0C) or a valid codice fiscale.",
            ),
        )])
    })?;
    let mine =
        (!user.permissions.contains(&Permission::RegistryRead)).then(|| user.account_id.clone());
    let rows = state
        .db
        .run(move |conn| archive::list(conn, mine.as_deref(), search.as_ref(), per_page, offset))
        .await?;
    Ok(web::Json(CertificateList {
        items: rows
            .into_iter()
            .map(|archived| Certificate::from_archived(archived, lang))
            .collect(),
    }))
}
