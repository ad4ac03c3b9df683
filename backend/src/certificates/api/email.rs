//! Delivery of a certificate by e-mail (seed 001 "Invia certificato per email"): to any
//! address, with copies and a message, the signed PDF attached, through the outbox.

use actix_web::{post, web, HttpRequest, HttpResponse};

use super::{names, readable};
use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::certificates::store::certificates::{self as repository, CertificateMeta};
use crate::mail::email_delivery::{self, EmailDocument, EmailQueued, Recipients};
use crate::mail::{Attachment, NewMail};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::platform::i18n::Lang;

/// Sends the signed PDF by e-mail to any address, with optional copies and message
/// (seed 001 "Invia certificato per email"), through the outbox.
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = EmailDocument,
    responses(
        (status = 202, body = EmailQueued),
        (status = 400, response = crate::platform::http::responses::BadRequest),
        (status = 401, response = crate::platform::http::responses::Unauthorized),
        (status = 403, response = crate::platform::http::responses::Forbidden),
        (status = 404, response = crate::platform::http::responses::NotFound),
        (status = 422, response = crate::platform::http::responses::Unprocessable),
    )
)]
#[post("/certificates/{id}/email")]
pub async fn email_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<EmailDocument>,
) -> Result<HttpResponse, ApiError> {
    let recipients = body.0.check()?;
    let meta = readable(&state, &user, path.into_inner()).await?;
    let origin = Origin::from_request(&req);
    let municipality = state.settings.municipality.name.clone();
    let mail_id = state
        .db
        .run(move |conn| {
            let pdf = repository::pdf(conn, &meta.id)?.ok_or(ApiError::NotFound)?;
            let mail = certificate_mail(&meta, &municipality, recipients, pdf);
            let entry = AuditEntry {
                details: serde_json::json!({ "certificate_id": meta.id }),
                ..AuditEntry::new(Actor::user(&user), actions::CERTIFICATE_EMAILED)
                    .subject("person", &meta.person_id)
            };
            email_delivery::queue(conn, &origin, &mail, entry)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(EmailQueued { mail_id }))
}

fn certificate_mail(
    meta: &CertificateMeta,
    municipality: &str,
    recipients: Recipients,
    pdf: Vec<u8>,
) -> NewMail {
    let type_name = names::type_name(&meta.type_code, Lang::It);
    let body = recipients.body(&format!(
        "In allegato il {type} n. {id} relativo a {surname} {name}, rilasciato il {date} dal {municipality} \
e firmato digitalmente.\n\nL'autenticità del certificato si verifica inquadrando il QR code stampato \
sul documento, oppure all'indirizzo indicato sotto il QR code con cognome, nome e ID del certificato.\n",
        type = type_name.to_lowercase(),
        id = meta.id,
        surname = meta.subject_surname,
        name = meta.subject_name,
        date = meta.issued_at.format("%d/%m/%Y"),
    ));
    NewMail {
        to: vec![recipients.to],
        cc: recipients.cc,
        subject: format!("{type_name} n. {} - {municipality}", meta.id),
        body_text: body,
        attachments: vec![Attachment {
            file_name: format!("certificato-{}.pdf", meta.id),
            content_type: "application/pdf".to_owned(),
            content: pdf,
        }],
    }
}
