//! The delivery worker: polls for due deliveries, claims each one, POSTs the event to
//! the webhook's address with its signature, and records the outcome — delivered on any
//! 2xx answer, otherwise tried again with exponential backoff until
//! [`rules::MAX_ATTEMPTS`]. At least once: a worker that dies after the receiver
//! answered but before recording it delivers again after the lease, with the same event
//! id. Time comes in as an argument ([`WebhookWorker::run_once`]) so tests move the clock.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use tokio::sync::watch;

use crate::mail::now_utc;
use crate::platform::db::{Database, DbError};
use crate::webhooks::rules::{self, MAX_ATTEMPTS};
use crate::webhooks::store::{self, DeliveryRow, EventRow, Outcome, WebhookRow};

/// How long a receiver has to answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// A claimed delivery is hidden this long from other workers: longer than any attempt.
const LEASE: Duration = Duration::from_secs(120);
const BATCH: i64 = 20;
const POLL: Duration = Duration::from_secs(2);
/// The part of a receiver's answer kept as the error, enough to recognise it.
const ERROR_CHARS: usize = 300;

/// What one poll did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
}

pub struct WebhookWorker {
    db: Database,
    http: reqwest::Client,
}

pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl WorkerHandle {
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

impl WebhookWorker {
    pub fn new(db: Database) -> Result<WebhookWorker, String> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            // A receiver that redirects is misconfigured; following would also let it
            // point the portal at addresses the administrator never approved.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("portale-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("webhook HTTP client: {e}"))?;
        Ok(WebhookWorker { db, http })
    }

    pub fn spawn(self) -> WorkerHandle {
        let (stop, mut stopped) = watch::channel(false);
        let task = tokio::spawn(async move {
            while !*stopped.borrow() {
                if let Err(error) = self.run_once(now_utc()).await {
                    tracing::warn!(%error, "webhook worker cannot read its queue");
                }
                tokio::select! {
                    () = tokio::time::sleep(POLL) => {}
                    changed = stopped.changed() => if changed.is_err() { break },
                }
            }
        });
        WorkerHandle { stop, task }
    }

    /// Delivers what is due at `now`.
    pub async fn run_once(&self, now: NaiveDateTime) -> Result<Report, DbError> {
        let due = self
            .db
            .run(move |conn| store::due(conn, now, BATCH))
            .await?;
        let mut report = Report::default();
        for (id, seen) in due {
            let lease_until = now + LEASE;
            let claimed = self
                .db
                .run(move |conn| {
                    if !store::claim(conn, &id, seen, now, lease_until)? {
                        return Ok(None);
                    }
                    store::load(conn, &id).map(Some)
                })
                .await?;
            if let Some((delivery, webhook, event)) = claimed {
                self.deliver(delivery, &webhook, &event, now, &mut report)
                    .await?;
            }
        }
        Ok(report)
    }

    async fn deliver(
        &self,
        delivery: DeliveryRow,
        webhook: &WebhookRow,
        event: &EventRow,
        now: NaiveDateTime,
        report: &mut Report,
    ) -> Result<(), DbError> {
        let timestamp = Utc::now().timestamp();
        let body = event.payload.clone().into_bytes();
        let signature = rules::signature(&webhook.secret, timestamp, &body);
        let answer = self
            .http
            .post(&webhook.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("X-Portale-Event-Id", &event.id)
            .header("X-Portale-Event", &event.event_type)
            .header("X-Portale-Delivery", &delivery.id)
            .header("X-Portale-Timestamp", timestamp.to_string())
            .header("X-Portale-Signature", signature)
            .body(body)
            .send()
            .await;
        let (status_code, error) = match answer {
            Ok(response) if response.status().is_success() => {
                (Some(i32::from(response.status().as_u16())), None)
            }
            Ok(response) => {
                let status = response.status();
                let text = response.text().await.unwrap_or_default();
                let error = format!("HTTP {}: {}", status.as_u16(), text.trim());
                (Some(i32::from(status.as_u16())), Some(shorten(&error)))
            }
            Err(error) => (None, Some(shorten(&describe(&error)))),
        };
        let attempts = delivery.attempts;
        let (status, next_attempt_at) = match &error {
            None => (store::DELIVERED, now),
            Some(_) if attempts < MAX_ATTEMPTS => (store::PENDING, now + rules::backoff(attempts)),
            Some(_) => (store::FAILED, now),
        };
        match status {
            store::DELIVERED => report.delivered += 1,
            store::PENDING => report.retried += 1,
            _ => report.failed += 1,
        }
        tracing::info!(delivery_id = %delivery.id, event_id = %event.id, webhook_id = %webhook.id,
            attempts, status, error = error.as_deref().unwrap_or(""), "webhook delivery attempted");
        self.db
            .run(move |conn| {
                store::record(
                    conn,
                    &delivery,
                    &Outcome {
                        status,
                        next_attempt_at,
                        status_code,
                        error: error.as_deref(),
                        at: now,
                    },
                )
            })
            .await
    }
}

/// A transport failure in a fixed English phrase: the API shows it as is, the back office
/// translates these two (`features/webhooks/components/eventText.ts`).
fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer within {} s", REQUEST_TIMEOUT.as_secs())
    } else if error.is_connect() {
        "connection refused or address unreachable".to_owned()
    } else {
        error.to_string()
    }
}

fn shorten(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    one_line.chars().take(ERROR_CHARS).collect()
}
