//! Where a message goes: the SMTP relay, or — with none configured, as in the demo — an
//! `.eml` file under `DATA_DIR/mail`. Failures are sorted into permanent and temporary.

use std::path::{Path, PathBuf};

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::smtp::SmtpConfig;
use crate::mail::store::OutboxRow;
use crate::platform::settings::Settings;

pub(super) enum Delivery {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// No relay configured: `.eml` files in this folder.
    Files(PathBuf),
}

pub(super) enum Failure {
    /// 5xx, or a mail that cannot become a message: trying again will not help.
    Permanent(String),
    /// 4xx, network, TLS, disk: try again later. `relay_down` when no SMTP reply came
    /// at all, so the rest of the batch waits for the next poll.
    Temporary { error: String, relay_down: bool },
}

impl Delivery {
    /// Needs a running tokio runtime when SMTP is configured (the pool starts a task).
    pub(super) fn from_settings(settings: &Settings) -> Result<Delivery, String> {
        Ok(match &settings.smtp_url {
            Some(url) => Delivery::Smtp(SmtpConfig::parse(url.expose())?.transport()?),
            None => Delivery::Files(settings.data_dir.join("mail")),
        })
    }

    pub(super) fn announce(&self) {
        match self {
            Delivery::Smtp(_) => tracing::info!("mail worker started: delivering over SMTP"),
            Delivery::Files(dir) => tracing::info!(
                folder = %dir.display(),
                "mail worker started: no SMTP relay configured, writing .eml files"
            ),
        }
    }

    pub(super) async fn send(&self, row: &OutboxRow, message: Message) -> Result<(), Failure> {
        match self {
            Delivery::Smtp(transport) => transport.send(message).await.map(drop).map_err(|e| {
                if e.is_permanent() {
                    Failure::Permanent(e.to_string())
                } else {
                    Failure::Temporary {
                        relay_down: e.status().is_none(),
                        error: e.to_string(),
                    }
                }
            }),
            Delivery::Files(dir) => write_eml(dir, row, &message.formatted())
                .await
                .map_err(|e| Failure::Temporary {
                    error: format!("cannot write the mail to {}: {e}", dir.display()),
                    relay_down: true,
                }),
        }
    }
}

/// `DATA_DIR/mail/<created>-<id>.eml`, written under a temporary name and renamed, so a
/// reader never sees half a message.
async fn write_eml(dir: &Path, row: &OutboxRow, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let name = format!("{}-{}.eml", row.created_at.format("%Y%m%dT%H%M%SZ"), row.id);
    let partial = dir.join(format!(".{name}.partial"));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, dir.join(name)).await
}
