//! The reminder the day before: a job of every instance looks every minute for tomorrow's
//! appointments; claiming one is a conditional update in the same transaction as its
//! e-mail, so each reminder goes once however many instances run.

use chrono::{DateTime, Duration, Utc};

use crate::appointments::desks;
use crate::appointments::notices::{notify, Notice};
use crate::appointments::store::appointments as store;
use crate::appointments::Error;
use crate::platform::db::{self, Database, DbConnection};
use crate::platform::italian_time::{from_local, local};
use crate::platform::settings::Settings;

/// Sends the reminders of the appointments of the day after `now` (Rome); answers how many
/// this call sent.
pub fn send_due(
    conn: &mut DbConnection,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let tomorrow = local(now).date() + Duration::days(1);
    let from = from_local(tomorrow.and_hms_opt(0, 0, 0).unwrap_or_default()).naive_utc();
    let to = from_local(
        (tomorrow + Duration::days(1))
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default(),
    )
    .naive_utc();
    let mut sent = 0;
    for id in store::due_reminders(conn, from, to)? {
        let stamp = crate::mail::now_utc();
        let claimed = db::transaction(conn, |conn| {
            if !store::claim_reminder(conn, &id, stamp)? {
                return Ok(false);
            }
            let row = store::find(conn, &id)?.ok_or(Error::NotFound)?;
            let desk = desks::find(conn, &row.desk_id)?;
            notify(conn, settings, &desk, &row, Notice::Reminder)?;
            Ok::<_, Error>(true)
        })?;
        sent += usize::from(claimed);
    }
    Ok(sent)
}

/// Runs `send_due` every minute for the life of the server.
pub fn spawn(database: Database, settings: std::sync::Arc<Settings>) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            ticker.tick().await;
            let settings = settings.clone();
            match database
                .run(move |conn| send_due(conn, &settings, Utc::now()))
                .await
            {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "appointment reminders sent"),
                Err(error) => tracing::error!(%error, "appointment reminders failed"),
            }
        }
    });
}
