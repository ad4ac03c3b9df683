//! Delivery of a certificate by e-mail (seed 001 "Invia certificato per email"): to any
//! address, with copies and a message, the signed PDF attached, through the outbox.

use actix_web::{post, web, HttpRequest, HttpResponse};

use super::shapes::{EmailCertificate, EmailQueued};
use super::{names, readable};
use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::auth::AuthUser;
use crate::db::certificates::{self as repository, CertificateMeta};
use crate::error::{ApiError, FieldError};
use crate::http::extract::Json;
use crate::i18n::{Lang, Text};
use crate::mail::{self, Attachment, Email, NewMail};
use crate::AppState;

fn email_field(field: String, address: &str) -> Result<Email, FieldError> {
    Email::parse(address).map_err(|e| FieldError::new(field, e.message()))
}

/// Sends the signed PDF by e-mail to any address, with optional copies and message
/// (seed 001 "Invia certificato per email"), through the outbox.
#[utoipa::path(
    tag = "certificates",
    security(("bearer" = [])),
    params(("id" = String, Path)),
    request_body = EmailCertificate,
    responses(
        (status = 202, body = EmailQueued),
        (status = 400, response = crate::api::responses::BadRequest),
        (status = 401, response = crate::api::responses::Unauthorized),
        (status = 403, response = crate::api::responses::Forbidden),
        (status = 404, response = crate::api::responses::NotFound),
        (status = 422, response = crate::api::responses::Unprocessable),
    )
)]
#[post("/certificates/{id}/email")]
pub async fn email_certificate(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<EmailCertificate>,
) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let mut errors = Vec::new();
    let to = email_field("to".to_owned(), &body.to)
        .map_err(|e| errors.push(e))
        .ok();
    if body.cc.len() > 5 {
        errors.push(FieldError::new(
            "cc",
            Text::new(
                "Al massimo cinque indirizzi in copia.",
                "At most five copies.",
            ),
        ));
    }
    let cc: Vec<Email> = body
        .cc
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            email_field(format!("cc[{i}]"), a)
                .map_err(|e| errors.push(e))
                .ok()
        })
        .collect();
    let message = body.message.unwrap_or_default();
    if message.chars().count() > 2000 {
        errors.push(FieldError::new(
            "message",
            Text::new(
                "Messaggio troppo lungo (massimo 2000 caratteri).",
                "Message too long (at most 2,000 characters).",
            ),
        ));
    }
    let Some(to) = to.filter(|_| errors.is_empty()) else {
        return Err(ApiError::Validation(errors));
    };
    let meta = readable(&state, &user, path.into_inner()).await?;
    let origin = Origin::from_request(&req);
    let municipality = state.settings.municipality.name.clone();
    let mail_id = state
        .db
        .run(move |conn| {
            let pdf = repository::pdf(conn, &meta.id)?.ok_or(ApiError::NotFound)?;
            let mail = certificate_mail(&meta, &municipality, to, cc, &message, pdf);
            let mail_id = crate::db::transaction(conn, |conn| {
                let mail_id = mail::enqueue(conn, &mail)?;
                let entry = AuditEntry {
                    details: serde_json::json!({ "certificate_id": meta.id, "mail_id": mail_id }),
                    ..AuditEntry::new(
                        Actor {
                            id: Some(&user.account_id),
                            label: &user.label,
                        },
                        actions::CERTIFICATE_EMAILED,
                    )
                    .subject("person", &meta.person_id)
                };
                audit::record(conn, &origin, entry)?;
                Ok::<_, ApiError>(mail_id)
            })?;
            Ok::<_, ApiError>(mail_id)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(EmailQueued { mail_id }))
}

fn certificate_mail(
    meta: &CertificateMeta,
    municipality: &str,
    to: Email,
    cc: Vec<Email>,
    message: &str,
    pdf: Vec<u8>,
) -> NewMail {
    let type_name = names::type_name(&meta.type_code, Lang::It);
    let mut body = String::new();
    if !message.trim().is_empty() {
        body.push_str(message.trim());
        body.push_str("\n\n---\n\n");
    }
    body.push_str(&format!(
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
        to: vec![to],
        cc,
        subject: format!("{type_name} n. {} - {municipality}", meta.id),
        body_text: body,
        attachments: vec![Attachment {
            file_name: format!("certificato-{}.pdf", meta.id),
            content_type: "application/pdf".to_owned(),
            content: pdf,
        }],
    }
}
