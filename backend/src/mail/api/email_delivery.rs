//! Sending a document by e-mail to any address (seed 001 "Invia … per email"): the
//! request both certificates and self-declarations take, and its checks.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::{self, AuditEntry, Origin};
use crate::mail::{self, Email, NewMail};
use crate::platform::db::DbConnection;
use crate::platform::http::error::{ApiError, FieldError};
use crate::platform::i18n::Text;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailDocument {
    /// The recipient: any address (seed 001 "Email destinatario").
    pub to: String,
    /// Copies ("Aggiungi email per invio in copia"), at most five.
    #[serde(default)]
    pub cc: Vec<String>,
    /// A text for the mail ("Messaggio"), at most 2,000 characters.
    pub message: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EmailQueued {
    /// The outbox entry that will carry the document.
    pub mail_id: String,
}

/// The checked request: every bad field named at once.
pub struct Recipients {
    pub to: Email,
    pub cc: Vec<Email>,
    /// Trimmed; empty when none was given.
    pub message: String,
}

fn email_field(field: String, address: &str) -> Result<Email, FieldError> {
    Email::parse(address).map_err(|e| FieldError::new(field, e.message()))
}

impl EmailDocument {
    pub fn check(self) -> Result<Recipients, ApiError> {
        let mut errors = Vec::new();
        let to = email_field("to".to_owned(), &self.to)
            .map_err(|e| errors.push(e))
            .ok();
        if self.cc.len() > 5 {
            errors.push(FieldError::new(
                "cc",
                Text::new(
                    "Al massimo cinque indirizzi in copia.",
                    "At most five copies.",
                ),
            ));
        }
        let cc: Vec<Email> = self
            .cc
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                email_field(format!("cc[{i}]"), a)
                    .map_err(|e| errors.push(e))
                    .ok()
            })
            .collect();
        let message = self.message.unwrap_or_default();
        if message.chars().count() > 2000 {
            errors.push(FieldError::new(
                "message",
                Text::new(
                    "Messaggio troppo lungo (massimo 2000 caratteri).",
                    "Message too long (at most 2,000 characters).",
                ),
            ));
        }
        match to.filter(|_| errors.is_empty()) {
            Some(to) => Ok(Recipients {
                to,
                cc,
                message: message.trim().to_owned(),
            }),
            None => Err(ApiError::Validation(errors)),
        }
    }
}

impl Recipients {
    /// The sender's message, if any, above the document's own text.
    pub fn body(&self, text: &str) -> String {
        if self.message.is_empty() {
            text.to_owned()
        } else {
            format!("{}\n\n---\n\n{text}", self.message)
        }
    }
}

/// Queues the mail and records who sent which document, in one transaction: no mail
/// leaves without its audit entry. The mail's id is added to the entry's details.
pub fn queue(
    conn: &mut DbConnection,
    origin: &Origin,
    mail: &NewMail,
    mut entry: AuditEntry<'_>,
) -> Result<String, ApiError> {
    crate::platform::db::transaction(conn, |conn| {
        let mail_id = mail::enqueue(conn, mail)?;
        if let Some(details) = entry.details.as_object_mut() {
            details.insert("mail_id".to_owned(), mail_id.clone().into());
        }
        audit::record(conn, origin, entry)?;
        Ok(mail_id)
    })
}
