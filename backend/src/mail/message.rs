//! From an outbox row to an RFC 5322 message: UTF-8 subject and text, attachments as
//! MIME parts, a `Message-ID` derived from the outbox id (a resend after a crash keeps
//! it, so mail clients can drop the duplicate) and the `Date` the mail was queued.

use std::time::SystemTime;

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

use super::{parse_addresses, Email};
use crate::mail::store::{AttachmentRow, OutboxRow};
use crate::platform::settings::Settings;

/// Who the portal's mail comes from.
#[derive(Debug, Clone)]
pub struct Sender {
    /// `"Comune di Valdoria" <noreply@comune.valdoria.example>`
    pub from: Mailbox,
    /// The registry office, so that a citizen's reply reaches people.
    pub reply_to: Option<Mailbox>,
}

impl Sender {
    pub fn from_settings(settings: &Settings) -> Result<Sender, String> {
        let from = settings.effective_mail_from();
        let name = &settings.municipality.name;
        let reply_to = Email::parse(&settings.municipality.office.email)
            .ok()
            .filter(|office| *office != from)
            .map(|office| mailbox(Some(&settings.municipality.office.name), &office))
            .transpose()?;
        Ok(Sender {
            from: mailbox(Some(name), &from)?,
            reply_to,
        })
    }

    fn domain(&self) -> &str {
        self.from.email.domain()
    }
}

fn mailbox(name: Option<&str>, email: &Email) -> Result<Mailbox, String> {
    let address: Address = email
        .as_str()
        .parse()
        .map_err(|e| format!("address {email} refused: {e}"))?;
    Ok(Mailbox::new(name.map(str::to_owned), address))
}

fn address(value: &str) -> Result<Mailbox, String> {
    let email = Email::parse(value).map_err(|e| format!("address {value:?}: {e}"))?;
    mailbox(None, &email)
}

/// Builds the message; an error here is permanent (the row cannot become a message).
pub fn build(
    sender: &Sender,
    row: &OutboxRow,
    attachments: &[AttachmentRow],
) -> Result<Message, String> {
    let to = parse_addresses(Some(&row.recipients)).map_err(|e| format!("recipients: {e}"))?;
    let cc = parse_addresses(row.cc.as_deref()).map_err(|e| format!("cc: {e}"))?;
    let mut builder = Message::builder()
        .from(sender.from.clone())
        .subject(row.subject.clone())
        .date(SystemTime::from(row.created_at.and_utc()))
        .message_id(Some(format!("<{}@{}>", row.id, sender.domain())))
        // RFC 3834: no vacation replies or auto-forwards loops back to the portal.
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".to_owned(),
        ));
    if let Some(reply_to) = &sender.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    for recipient in &to {
        builder = builder.to(address(recipient)?);
    }
    for recipient in &cc {
        builder = builder.cc(address(recipient)?);
    }
    let text = SinglePart::plain(row.body_text.clone());
    let message = if attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for attachment in attachments {
            let content_type = ContentType::parse(&attachment.content_type)
                .map_err(|e| format!("attachment {:?}: {e}", attachment.file_name))?;
            parts = parts.singlepart(
                Attachment::new(attachment.file_name.clone())
                    .body(attachment.content.clone(), content_type),
            );
        }
        builder.multipart(parts)
    };
    message.map_err(|e| format!("cannot build the message: {e}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::NaiveDate;

    fn row() -> OutboxRow {
        let at = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        OutboxRow {
            id: "0194f1e2-0000-7000-8000-000000000001".into(),
            created_at: at,
            recipients: r#"["mario.rossi@example.it"]"#.into(),
            cc: Some(r#"["anna@example.it"]"#.into()),
            subject: "Il tuo certificato è pronto".into(),
            body_text: "Gentile cittadino, ecco il certificato.\nCordiali saluti.".into(),
            status: "pending".into(),
            attempts: 0,
            next_attempt_at: at,
            last_error: None,
            sent_at: None,
        }
    }

    #[test]
    fn carries_sender_recipients_identity_and_date() {
        let sender = Sender::from_settings(&Settings::default()).unwrap();
        let attachments = vec![AttachmentRow {
            file_name: "certificato-città.pdf".into(),
            content_type: "application/pdf".into(),
            content: b"%PDF-1.7 fake".to_vec(),
        }];
        let message = build(&sender, &row(), &attachments).unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        assert!(text.contains("From: \"Comune di Valdoria\" <noreply@comune.valdoria.example>"));
        assert!(text.contains("Reply-To:"), "{text}");
        assert!(text.contains("To: mario.rossi@example.it"), "{text}");
        assert!(text.contains("Cc: anna@example.it"), "{text}");
        assert!(text.contains(
            "Message-ID: <0194f1e2-0000-7000-8000-000000000001@comune.valdoria.example>"
        ));
        assert!(
            text.contains("Date: Mon, 23 Nov 2026 09:30:00 +0000"),
            "{text}"
        );
        assert!(
            text.contains("Subject: Il tuo certificato =?utf-8?b?w6g=?= pronto"),
            "{text}"
        );
        assert!(text.contains("Content-Type: multipart/mixed"));
        assert!(text.contains("Content-Type: application/pdf"));
        assert!(text.contains("Auto-Submitted: auto-generated"));
        let envelope = message.envelope();
        assert_eq!(envelope.to().len(), 2);
    }

    #[test]
    fn a_corrupt_row_is_an_error_not_a_panic() {
        let sender = Sender::from_settings(&Settings::default()).unwrap();
        let mut bad = row();
        bad.recipients = "mario.rossi@example.it".into();
        assert!(build(&sender, &bad, &[]).is_err());
        bad.recipients = r#"["not an address"]"#.into();
        assert!(build(&sender, &bad, &[]).is_err());
    }
}
