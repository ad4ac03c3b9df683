//! Register a webhook for an application, disable it, put its failed deliveries back in
//! the queue: done by an administrator for any application, or by an application
//! (`webhooks:manage`) for its own. Each writes its audit entry in its transaction.

use chrono::NaiveDateTime;

use crate::audit::{self, actions, Actor, AuditEntry, Origin};
use crate::platform::db::{transaction, DbConnection};
use crate::platform::validation::FieldError;
use crate::webhooks::rules::{self, CheckedWebhook, EventType, NewWebhook};
use crate::webhooks::store::{self, DeliveryRow, EventRow, WebhookRow};
use crate::webhooks::Error;

/// Who manages webhooks.
pub struct Manager<'a> {
    /// The administrator's account; none for an application.
    pub account_id: Option<&'a str>,
    pub label: &'a str,
    /// An application manages only its own webhooks.
    pub own_client: Option<&'a str>,
}

impl Manager<'_> {
    fn may_manage(&self, webhook: &WebhookRow) -> bool {
        self.own_client.is_none_or(|own| own == webhook.client_id)
    }

    fn recorded_as(&self) -> String {
        match (self.account_id, self.own_client) {
            (Some(account), _) => account.to_owned(),
            (None, Some(client)) => format!("client:{client}"),
            (None, None) => "system".to_owned(),
        }
    }
}

/// A webhook with the signing secret that goes to its owner once.
pub struct Issued {
    pub webhook: WebhookRow,
    pub secret: String,
}

pub fn register(
    conn: &mut DbConnection,
    origin: &Origin,
    manager: &Manager,
    new: NewWebhook,
    now: NaiveDateTime,
) -> Result<Issued, Error> {
    let secret = rules::new_secret();
    transaction(conn, |conn| {
        let foreign = manager.own_client.is_some_and(|own| own != new.client_id);
        let scopes = if foreign {
            None
        } else {
            crate::clients::active_scopes(conn, &new.client_id)?
        };
        let Some(scopes) = scopes else {
            return Err(Error::Invalid(vec![FieldError::text(
                "client_id",
                "Applicazione sconosciuta o revocata.",
                "Unknown or revoked application.",
            )]));
        };
        let CheckedWebhook { url, events } = rules::check(&new, &scopes).map_err(Error::Invalid)?;
        let webhook = WebhookRow {
            id: format!("wh-{}", uuid::Uuid::new_v4().simple()),
            client_id: new.client_id.clone(),
            url,
            events: EventType::join(&events),
            secret: secret.clone(),
            created_at: now,
            created_by: manager.recorded_as(),
            disabled_at: None,
            last_success_at: None,
            last_failure_at: None,
            last_error: None,
        };
        store::insert(conn, &webhook)?;
        record(
            conn,
            origin,
            manager,
            actions::WEBHOOK_REGISTERED,
            &webhook,
            None,
        )?;
        Ok(Issued { webhook, secret })
    })
}

pub fn disable(
    conn: &mut DbConnection,
    origin: &Origin,
    manager: &Manager,
    id: &str,
    now: NaiveDateTime,
) -> Result<WebhookRow, Error> {
    transaction(conn, |conn| {
        let webhook = store::find(conn, id)?
            .filter(|webhook| manager.may_manage(webhook))
            .ok_or(Error::NotFound)?;
        if !store::disable(conn, id, now)? {
            return Err(Error::AlreadyDisabled);
        }
        record(
            conn,
            origin,
            manager,
            actions::WEBHOOK_DISABLED,
            &webhook,
            None,
        )?;
        store::find(conn, id)?.ok_or(Error::NotFound)
    })
}

/// A webhook's latest deliveries with their events, the newest first.
pub fn deliveries(
    conn: &mut DbConnection,
    manager: &Manager,
    id: &str,
    limit: i64,
) -> Result<Vec<(DeliveryRow, EventRow)>, Error> {
    store::find(conn, id)?
        .filter(|webhook| manager.may_manage(webhook))
        .ok_or(Error::NotFound)?;
    Ok(store::deliveries(conn, id, limit)?)
}

/// Answers how many failed deliveries are due again.
pub fn retry_failed(
    conn: &mut DbConnection,
    origin: &Origin,
    manager: &Manager,
    id: &str,
    now: NaiveDateTime,
) -> Result<usize, Error> {
    transaction(conn, |conn| {
        let webhook = store::find(conn, id)?
            .filter(|webhook| manager.may_manage(webhook))
            .ok_or(Error::NotFound)?;
        if webhook.disabled_at.is_some() {
            return Err(Error::AlreadyDisabled);
        }
        let queued = store::retry_failed(conn, id, now)?;
        record(
            conn,
            origin,
            manager,
            actions::WEBHOOK_RETRIED,
            &webhook,
            Some(queued),
        )?;
        Ok(queued)
    })
}

fn record(
    conn: &mut DbConnection,
    origin: &Origin,
    manager: &Manager,
    action: &'static str,
    webhook: &WebhookRow,
    queued: Option<usize>,
) -> Result<(), Error> {
    let actor = Actor {
        id: manager.account_id,
        label: manager.label,
    };
    let mut entry = AuditEntry::new(actor, action).subject("webhook", &webhook.id);
    entry.details = serde_json::json!({
        "webhook_id": webhook.id,
        "client_id": webhook.client_id,
        "url": webhook.url,
        "events": webhook.events,
    });
    if let Some(queued) = queued {
        entry.details["queued"] = queued.into();
    }
    audit::record(conn, origin, entry)?;
    Ok(())
}
