//! Approval by silence (art. 5 DL 5/2012): 45 days after the declaration without a
//! decision, the declaration is accepted and the registry changes. A job of every
//! instance looks every minute; the conditional update in `transitions::apply` lets only
//! one instance approve a practice, and the registry change shares its transaction.

use chrono::{DateTime, Utc};

use crate::audit::Origin;
use crate::platform::db::{self, Database, DbConnection};
use crate::platform::settings::Settings;
use crate::practices::rules::lifecycle::Action;
use crate::practices::store::practices::{self as store, Changes};
use crate::practices::transitions::{self, Doer, Transition};
use crate::practices::Error;

/// Approves every practice whose term ran out by `now`; answers how many.
pub fn approve_due(
    conn: &mut DbConnection,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let today = crate::platform::italian_time::today(now);
    let mut approved = 0;
    for id in store::due_for_silent_approval(conn, today, 100)? {
        let Some(practice) = store::find(conn, &id)? else {
            continue;
        };
        let stamp = crate::mail::now_utc();
        let outcome = db::transaction(conn, |conn| {
            crate::practices::office::change_registry(
                conn,
                &Origin::default(),
                &practice,
                Doer::CLOCK,
                now,
            )?;
            transitions::apply(
                conn,
                settings,
                &Origin::default(),
                &practice,
                Transition {
                    action: Action::ApproveBySilence,
                    doer: Doer::CLOCK,
                    note: Some("Decorsi 45 giorni dalla dichiarazione senza comunicazione di esito negativo: la dichiarazione è accolta (art. 5 DL 5/2012)."),
                    changes: Changes {
                        decided_at: Some(Some(stamp)),
                        ..Changes::default()
                    },
                    now: stamp,
                },
            )
        });
        match outcome {
            Ok(_) => approved += 1,
            // Another instance (or the office) got there first.
            Err(Error::NotNow { .. } | Error::NotFound) => {}
            Err(error) => tracing::error!(practice = %id, %error, "approval by silence failed"),
        }
    }
    Ok(approved)
}

/// Runs `approve_due` every minute for the life of the server.
pub fn spawn(database: Database, settings: std::sync::Arc<Settings>) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            ticker.tick().await;
            let settings = settings.clone();
            let result = database
                .run(move |conn| approve_due(conn, &settings, Utc::now()))
                .await;
            match result {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "practices approved by silence"),
                Err(error) => tracing::error!(%error, "approval by silence failed"),
            }
        }
    });
}
