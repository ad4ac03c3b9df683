//! Delivery of a self-declaration by e-mail (seed 001 "Invia autocertificazione per
//! email"): to any address, with copies and a message, through the outbox.

use actix_web::{post, web, HttpRequest, HttpResponse};

use crate::audit::{actions, Actor, AuditEntry, Origin};
use crate::mail::email_delivery::{self, EmailDocument, EmailQueued, Recipients};
use crate::mail::{Attachment, NewMail};
use crate::platform::auth::AuthUser;
use crate::platform::http::error::ApiError;
use crate::platform::http::extract::Json;
use crate::platform::http::AppState;
use crate::self_declarations::rules::DeclarationKind;
use crate::self_declarations::store::{self as repository, DeclarationRow};

/// Sends the PDF by e-mail to any address, with optional copies and message.
#[utoipa::path(
    tag = "self-declarations",
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
#[post("/self-declarations/{id}/email")]
pub async fn email_self_declaration(
    req: HttpRequest,
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<String>,
    body: Json<EmailDocument>,
) -> Result<HttpResponse, ApiError> {
    let recipients = body.0.check()?;
    let id = path.into_inner();
    let origin = Origin::from_request(&req);
    let municipality = state.settings.municipality.name.clone();
    let mail_id = state
        .db
        .run(move |conn| {
            let (row, pdf) = repository::find_own_with_pdf(conn, &user.account_id, &id)?
                .ok_or(ApiError::NotFound)?;
            let mail = declaration_mail(&row, &municipality, recipients, pdf);
            let entry = AuditEntry {
                details: serde_json::json!({ "self_declaration_id": row.id }),
                ..AuditEntry::new(Actor::user(&user), actions::SELF_DECLARATION_EMAILED)
            };
            email_delivery::queue(conn, &origin, &mail, entry)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(EmailQueued { mail_id }))
}

fn declaration_mail(
    row: &DeclarationRow,
    municipality: &str,
    recipients: Recipients,
    pdf: Vec<u8>,
) -> NewMail {
    let kind = DeclarationKind::parse(&row.type_code);
    let name = kind.map_or(row.type_code.as_str(), |k| k.info().name.it);
    let identity_note = if kind
        .is_some_and(|k| k.article() == crate::self_declarations::rules::Article::Art47)
    {
        " Alla dichiarazione sostitutiva dell'atto di notorietà va allegata copia di un documento di identità del dichiarante."
    } else {
        ""
    };
    let body = recipients.body(&format!(
        "In allegato la {lower} n. {id} di {surname} {name_}, predisposta con il portale dei servizi demografici del {municipality}.\n\n\
Il modulo ha valore una volta stampato e firmato dal dichiarante.{identity_note}\n",
        lower = name.to_lowercase(),
        id = row.id,
        surname = row.declarant_surname,
        name_ = row.declarant_name,
    ));
    NewMail {
        to: vec![recipients.to],
        cc: recipients.cc,
        subject: format!("{name} n. {} - {municipality}", row.id),
        body_text: body,
        attachments: vec![Attachment {
            file_name: format!("autocertificazione-{}.pdf", row.id),
            content_type: "application/pdf".to_owned(),
            content: pdf,
        }],
    }
}
