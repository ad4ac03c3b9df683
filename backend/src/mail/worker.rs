//! The delivery worker: polls the outbox for due mails, claims each one, delivers it and
//! records the outcome. Database work runs on the blocking pool (`Database::run`);
//! delivery is async. Time comes in as an argument ([`MailWorker::run_once`]), so tests
//! move the clock instead of waiting for the backoff.

use std::time::Duration;

use chrono::NaiveDateTime;
use tokio::sync::watch;

use super::delivery::{Delivery, Failure};
use super::message::{self, Sender};
use super::now_utc;
use crate::mail::store;
use crate::platform::db::{Database, DbError};
use crate::platform::metrics::{MailOutcome, Metrics};
use crate::platform::settings::Settings;

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Pause between polls when nothing is due.
    pub poll_interval: Duration,
    /// Mails claimed per poll.
    pub batch_size: i64,
    /// After this many attempts a temporarily failing mail is `failed`.
    pub max_attempts: i32,
    /// Wait after the first failed attempt; doubled after each further one…
    pub first_retry: Duration,
    /// …up to this.
    pub max_retry: Duration,
    /// How long a claimed mail stays hidden from other workers: if this one dies while
    /// delivering, the mail is due again after the lease. Longer than any SMTP exchange.
    pub lease: Duration,
}

impl Default for WorkerConfig {
    /// 10 attempts, 1 min apart at first, doubling to at most 1 h: about 4 hours of
    /// trying before a mail is `failed` and shows in the administrators' list.
    fn default() -> WorkerConfig {
        WorkerConfig {
            poll_interval: Duration::from_secs(5),
            batch_size: 20,
            max_attempts: 10,
            first_retry: Duration::from_secs(60),
            max_retry: Duration::from_secs(3600),
            lease: Duration::from_secs(15 * 60),
        }
    }
}

impl WorkerConfig {
    /// The wait after the `attempts`-th failed attempt (1-based).
    pub fn backoff(&self, attempts: i32) -> Duration {
        let doublings = attempts.saturating_sub(1).clamp(0, 30) as u32;
        self.first_retry
            .saturating_mul(2u32.saturating_pow(doublings))
            .min(self.max_retry)
    }
}

/// What one poll did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Mails this worker claimed (others may have been taken by another worker).
    pub claimed: usize,
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

pub struct MailWorker {
    db: Database,
    delivery: Delivery,
    sender: Sender,
    config: WorkerConfig,
    metrics: Metrics,
}

impl MailWorker {
    /// SMTP when `smtp_url` is set, `.eml` files under `DATA_DIR/mail` otherwise.
    /// Needs a running tokio runtime (the SMTP connection pool starts a task).
    pub fn new(settings: &Settings, db: Database, metrics: Metrics) -> Result<MailWorker, String> {
        Ok(MailWorker {
            db,
            delivery: Delivery::from_settings(settings)?,
            sender: Sender::from_settings(settings)?,
            config: WorkerConfig::default(),
            metrics,
        })
    }

    pub fn with_config(mut self, config: WorkerConfig) -> MailWorker {
        self.config = config;
        self
    }

    /// Delivers what is due at `now`; one poll of the background loop.
    pub async fn run_once(&self, now: NaiveDateTime) -> Result<Report, DbError> {
        self.run_batch(now, None).await
    }

    /// Runs the loop on the current tokio runtime until [`WorkerHandle::stop`].
    pub fn spawn(self) -> WorkerHandle {
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(self.run(stopped));
        WorkerHandle { stop, task }
    }

    async fn run(self, mut stop: watch::Receiver<bool>) {
        self.delivery.announce();
        while !*stop.borrow() {
            let full_batch = match self.run_batch(now_utc(), Some(&stop)).await {
                Ok(report) => report.claimed as i64 >= self.config.batch_size,
                Err(error) => {
                    tracing::warn!(%error, "mail worker cannot read the outbox");
                    false
                }
            };
            if full_batch {
                continue;
            }
            tokio::select! {
                () = tokio::time::sleep(self.config.poll_interval) => {}
                changed = stop.changed() => if changed.is_err() { break },
            }
        }
        tracing::info!("mail worker stopped");
    }

    async fn run_batch(
        &self,
        now: NaiveDateTime,
        stop: Option<&watch::Receiver<bool>>,
    ) -> Result<Report, DbError> {
        let limit = self.config.batch_size;
        let due = self
            .db
            .run(move |conn| store::due(conn, now, limit))
            .await?;
        let mut report = Report::default();
        for (id, seen_attempts) in due {
            if stop.is_some_and(|s| *s.borrow()) {
                break;
            }
            let relay_down = self.process(id, seen_attempts, now, &mut report).await?;
            if relay_down {
                break;
            }
        }
        Ok(report)
    }

    /// Claims, delivers and records one mail; `true` when the relay did not answer.
    async fn process(
        &self,
        id: String,
        seen_attempts: i32,
        now: NaiveDateTime,
        report: &mut Report,
    ) -> Result<bool, DbError> {
        let lease_until = now + self.config.lease;
        let claimed = self
            .db
            .run(move |conn| {
                if !store::claim(conn, &id, seen_attempts, now, lease_until)? {
                    return Ok(None);
                }
                store::load(conn, &id).map(Some)
            })
            .await?;
        let Some((row, attachments)) = claimed else {
            return Ok(false);
        };
        report.claimed += 1;
        let outcome = match message::build(&self.sender, &row, &attachments) {
            Ok(message) => self.delivery.send(&row, message).await,
            Err(error) => Err(Failure::Permanent(error)),
        };
        let id = row.id.clone();
        let attempts = row.attempts;
        let (relay_down, result) = match outcome {
            Ok(()) => {
                tracing::info!(mail_id = %id, attempts, "mail sent");
                report.sent += 1;
                self.metrics.count_mail(MailOutcome::Sent);
                let result = self
                    .db
                    .run(move |conn| store::mark_sent(conn, &id, now))
                    .await;
                (false, result)
            }
            Err(Failure::Temporary { error, relay_down })
                if attempts < self.config.max_attempts =>
            {
                let next = now + self.config.backoff(attempts);
                tracing::warn!(mail_id = %id, attempts, %error, retry_at = %next, "mail not sent, will retry");
                report.retried += 1;
                self.metrics.count_mail(MailOutcome::Retry);
                let error = truncate(&error);
                let result = self
                    .db
                    .run(move |conn| store::schedule_retry(conn, &id, &error, next))
                    .await;
                (relay_down, result)
            }
            Err(Failure::Temporary { error, .. }) => {
                let error = format!("gave up after {attempts} attempts: {error}");
                (false, self.give_up(id, error, report).await)
            }
            Err(Failure::Permanent(error)) => (false, self.give_up(id, error, report).await),
        };
        result.map(|()| relay_down)
    }

    async fn give_up(&self, id: String, error: String, report: &mut Report) -> Result<(), DbError> {
        tracing::error!(mail_id = %id, %error, "mail failed");
        report.failed += 1;
        self.metrics.count_mail(MailOutcome::Failed);
        let error = truncate(&error);
        self.db
            .run(move |conn| store::mark_failed(conn, &id, &error))
            .await
    }
}

/// Relay messages can be long; the outbox keeps the first 1000 characters.
fn truncate(error: &str) -> String {
    error.chars().take(1000).collect()
}

/// The running loop; [`WorkerHandle::stop`] lets the mail in flight finish, then ends it.
pub struct WorkerHandle {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl WorkerHandle {
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(error) = self.task.await {
            tracing::error!(%error, "the mail worker ended abnormally");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_up_to_an_hour() {
        let config = WorkerConfig::default();
        let minutes: Vec<u64> = (1..=10).map(|n| config.backoff(n).as_secs() / 60).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
        assert_eq!(config.backoff(0), Duration::from_secs(60));
        assert_eq!(config.backoff(i32::MAX), Duration::from_secs(3600));
    }

    #[test]
    fn long_errors_are_cut() {
        assert_eq!(truncate(&"è".repeat(2000)).chars().count(), 1000);
    }
}
