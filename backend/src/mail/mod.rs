//! Outgoing mail through a transactional outbox.
//!
//! An action that sends mail calls [`enqueue`] with its own connection, inside its own
//! transaction: the mail exists exactly when the action's changes do. The
//! [`worker::MailWorker`] started by `portale serve` delivers the outbox over SMTP
//! (`PORTALE_SMTP_URL`), retrying with exponential backoff, or — without a relay, as in
//! the demo — writes each message as an `.eml` file under `DATA_DIR/mail/`.
//! Delivery is at least once: a mail whose worker dies after the relay accepted it,
//! but before it was marked sent, is sent again with the same `Message-ID`.

pub mod api;
mod delivery;
pub mod message;
pub mod smtp;
pub mod store;
pub mod worker;

use chrono::{NaiveDateTime, SubsecRound, Utc};
use lettre::message::header::ContentType;

pub use crate::mail::store::MailStatus;
use crate::mail::store::{NewAttachmentRow, OutboxRow};
use crate::platform::db::{DbConnection, DbError};
pub use crate::platform::email::{Email, EmailError};
/// The e-mail-a-document request, shared by the handlers of the features that send one.
pub use api::email_delivery;

/// A mail to send: plain UTF-8 text, optional attachments (certificates, receipts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// At least one recipient.
    pub to: Vec<Email>,
    pub cc: Vec<Email>,
    pub subject: String,
    pub body_text: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The name the recipient sees, e.g. `certificato-residenza.pdf`.
    pub file_name: String,
    /// A MIME type, e.g. `application/pdf`.
    pub content_type: String,
    pub content: Vec<u8>,
}

impl NewMail {
    /// A text mail to one recipient; add cc and attachments through the fields.
    pub fn new(to: Email, subject: impl Into<String>, body_text: impl Into<String>) -> NewMail {
        NewMail {
            to: vec![to],
            cc: Vec::new(),
            subject: subject.into(),
            body_text: body_text.into(),
            attachments: Vec::new(),
        }
    }
}

/// Now, in UTC, to the microsecond both databases store.
pub fn now_utc() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// Writes the mail to the outbox and returns its id; delivery happens later, in the
/// worker. Only inserts rows, so it joins the caller's transaction. A mail without
/// recipients, or with an attachment type that is not a MIME type, is a programming
/// error and is refused here rather than failing in the worker.
pub fn enqueue(conn: &mut DbConnection, mail: &NewMail) -> Result<String, DbError> {
    if mail.to.is_empty() {
        return Err(invalid("a mail needs at least one recipient"));
    }
    for attachment in &mail.attachments {
        if ContentType::parse(&attachment.content_type).is_err() {
            return Err(invalid(&format!(
                "attachment {:?} has no valid MIME type: {:?}",
                attachment.file_name, attachment.content_type
            )));
        }
    }
    let id = uuid::Uuid::now_v7().to_string();
    let now = now_utc();
    let row = OutboxRow {
        id: id.clone(),
        created_at: now,
        recipients: addresses_json(&mail.to),
        cc: (!mail.cc.is_empty()).then(|| addresses_json(&mail.cc)),
        subject: one_line(&mail.subject),
        body_text: mail.body_text.clone(),
        status: MailStatus::Pending.as_str().to_owned(),
        attempts: 0,
        next_attempt_at: now,
        last_error: None,
        sent_at: None,
    };
    let file_names: Vec<String> = mail
        .attachments
        .iter()
        .map(|a| safe_file_name(&a.file_name))
        .collect();
    let attachments: Vec<NewAttachmentRow<'_>> = mail
        .attachments
        .iter()
        .zip(&file_names)
        .map(|(attachment, file_name)| NewAttachmentRow {
            mail_id: &id,
            file_name,
            content_type: &attachment.content_type,
            content: &attachment.content,
        })
        .collect();
    store::insert(conn, &row, &attachments)?;
    tracing::info!(mail_id = %id, recipients = mail.to.len() + mail.cc.len(), "mail queued");
    Ok(id)
}

fn invalid(message: &str) -> DbError {
    DbError::Query(diesel::result::Error::QueryBuilderError(
        message.to_owned().into(),
    ))
}

fn addresses_json(addresses: &[Email]) -> String {
    let list: Vec<&str> = addresses.iter().map(Email::as_str).collect();
    serde_json::Value::from(list).to_string()
}

/// Reads back a `recipients` / `cc` column.
pub fn parse_addresses(json: Option<&str>) -> Result<Vec<String>, serde_json::Error> {
    json.map_or(Ok(Vec::new()), serde_json::from_str)
}

/// A header never spans lines: line breaks in a subject would forge headers.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// No folders and no control characters in a file name.
fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control()).collect();
    if cleaned.trim().is_empty() {
        "allegato".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_and_file_names_are_made_harmless() {
        assert_eq!(
            one_line("Certificato\r\nBcc: x@example.it"),
            "Certificato Bcc: x@example.it"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\docs\\città.pdf"), "città.pdf");
        assert_eq!(safe_file_name("a\u{0}b.pdf"), "ab.pdf");
        assert_eq!(safe_file_name("/"), "allegato");
    }

    #[test]
    fn addresses_are_stored_as_a_json_array() {
        let to = vec![
            Email::parse("a@example.it").expect("valid"),
            Email::parse("b@example.it").expect("valid"),
        ];
        let json = addresses_json(&to);
        assert_eq!(json, r#"["a@example.it","b@example.it"]"#);
        assert_eq!(
            parse_addresses(Some(&json)).expect("json"),
            vec!["a@example.it", "b@example.it"]
        );
        assert!(parse_addresses(None).expect("none").is_empty());
    }
}
